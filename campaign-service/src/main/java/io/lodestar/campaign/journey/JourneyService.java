package io.lodestar.campaign.journey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.lodestar.campaign.attribution.AttributionRepository;
import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.campaign.CampaignValidator;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.experiment.VariantAssigner;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.segment.SegmentEntered;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who enters which journey, and what events do to journeys already under way. Entering only writes the instance
 * (and the customer's experiment assignment); the steps run in {@link JourneyRunner}, outside the consumer's
 * transaction, because sending renders recommendations over HTTP. An event that ends a journey (its exit criteria, or
 * the cancelling event of a pending trigger) ends it here at once; one the journey waits for wakes it up.
 */
@ApplicationScoped
public class JourneyService {

    static final String SEGMENTS_CONSUMER = "campaign.segment-membership";
    private static final VariantAssigner ASSIGNER = new VariantAssigner();

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final CampaignRepository campaigns;
    private final JourneyRepository journeys;
    private final AttributionRepository assignments;
    private final CampaignConfig config;

    public JourneyService(Pool pool, IdempotentConsumerGuard guard, CampaignRepository campaigns,
                          JourneyRepository journeys, AttributionRepository assignments, CampaignConfig config) {
        this.pool = pool;
        this.guard = guard;
        this.campaigns = campaigns;
        this.journeys = journeys;
        this.assignments = assignments;
        this.config = config;
    }

    /** The standard plays (see {@link JourneyTemplates}). */
    public Uni<List<JourneyTemplate>> templates() {
        return Uni.createFrom().item(JourneyTemplates.all());
    }

    /** A customer entered a segment: journeys triggered by that segment take them in. */
    public Uni<Void> applySegmentEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof SegmentEntered entered)) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> guard.once(connection, SEGMENTS_CONSUMER, event, () ->
                enterWhere(connection, entered.customerId(), entered.at(), trigger ->
                        trigger instanceof JourneyTrigger.SegmentEntered s && s.segmentId().equals(entered.segmentId()))))
                .replaceWithVoid();
    }

    /**
     * Behaviour with journey meaning, on the caller's transaction: an add-to-cart (cart-abandonment trigger, awaited
     * event) or an explicit event trigger.
     */
    public Uni<Void> onBehaviour(SqlConnection connection, BehaviourRecorded behaviour) {
        if (behaviour.anonymous()) {
            return Uni.createFrom().voidItem();
        }
        BehaviourType type = behaviour.behaviour();
        Uni<Void> cart = type == BehaviourType.ADD_TO_CART
                ? onEvent(connection, behaviour.customerId(), JourneyEvent.ADDED_TO_CART, behaviour.occurredAt(), null)
                        .chain(() -> enterWhere(connection, behaviour.customerId(), behaviour.occurredAt(),
                                trigger -> trigger instanceof JourneyTrigger.CartAbandoned))
                : Uni.createFrom().voidItem();
        return cart.chain(() -> enterWhere(connection, behaviour.customerId(), behaviour.occurredAt(),
                trigger -> trigger instanceof JourneyTrigger.ExplicitEvent e && e.eventType() == type));
    }

    /** A customer's first paid order: "first purchase and no second after N days" journeys take them in. */
    public Uni<Void> onFirstPurchase(SqlConnection connection, String customerId, Instant at) {
        return enterWhere(connection, customerId, at, trigger -> trigger instanceof JourneyTrigger.NoRepeatPurchase);
    }

    /**
     * Something happened to a customer that journeys may react to, on the caller's transaction: exit criteria and
     * cancelling events end the instance now; an awaited event is remembered and wakes it.
     *
     * @param onlyInstance the one instance concerned (feedback on a journey's own message), or null for all
     */
    public Uni<Void> onEvent(SqlConnection connection, String customerId, JourneyEvent event, Instant at,
                             UUID onlyInstance) {
        return journeys.liveForUpdate(connection, customerId).chain(live -> Multi.createFrom().iterable(live)
                .filter(instance -> onlyInstance == null || onlyInstance.equals(instance.instanceId()))
                .onItem().transformToUniAndConcatenate(instance -> campaigns.find(connection, instance.campaignId())
                        .chain(found -> {
                            if (found.isEmpty() || !found.get().definition().isJourney()) {
                                return Uni.createFrom().voidItem();
                            }
                            JourneyDefinition definition = found.get().definition().journey();
                            Advance advance = JourneyStateMachine.onEvent(definition,
                                    instance.state(), event, JourneyFacts.enteredAt(instance.enteredAt()), at);
                            if (JourneyRepository.isFinished(advance.next().status())) {
                                return journeys.update(connection, instance, advance.next(), at).replaceWithVoid();
                            }
                            return journeys.notice(connection, instance.instanceId(), event, at);
                        }))
                .collect().last().replaceWithVoid());
    }

    /** Enters the customer into every running journey whose trigger matches (each at most once at a time). */
    public Uni<Void> enterWhere(SqlConnection connection, String customerId, Instant at,
                                Predicate<JourneyTrigger> matches) {
        return campaigns.runningJourneys(connection).chain(running -> Multi.createFrom().iterable(running)
                .filter(campaign -> matches.test(campaign.definition().journey().trigger()))
                .onItem().transformToUniAndConcatenate(campaign -> enter(connection, campaign, customerId, at))
                .collect().last().replaceWithVoid());
    }

    /** Enters members of a journey's audience (item-trending and birthday journeys), in one transaction. */
    public Uni<Integer> enterAll(Campaign campaign, List<String> customerIds, Instant at) {
        return pool.withTransaction(connection -> Multi.createFrom().iterable(customerIds)
                .onItem().transformToUniAndConcatenate(customerId -> enter(connection, campaign, customerId, at))
                .filter(Boolean::booleanValue).collect().asList().map(List::size));
    }

    /**
     * Enters one customer: the global holdout and the control group are recorded (they count in the experiment) but
     * get no instance; a customer already live, or inside the re-entry period, is not entered again.
     */
    Uni<Boolean> enter(SqlConnection connection, Campaign campaign, String customerId, Instant at) {
        JourneyDefinition definition = campaign.definition().journey();
        String group = ASSIGNER.assign(campaign.id(), customerId,
                CampaignValidator.design(campaign.definition(), config)).group();
        return journeys.lastEntry(connection, campaign.id(), customerId).chain(last -> {
            if (last.isPresent() && (definition.reentry() == null
                    || last.get().plus(definition.reentry()).isAfter(at))) {
                return Uni.createFrom().item(false);
            }
            Uni<Void> targeted = assignments.target(connection, campaign.id(), customerId, group, at);
            if (!io.lodestar.campaign.dispatch.Groups.receivesMessage(group)) {
                return targeted.replaceWith(false);
            }
            return targeted.chain(() -> journeys.insert(connection, UUID.randomUUID(), campaign.id(), customerId,
                    group, JourneyState.entered(definition, at), at));
        });
    }
}
