package io.lodestar.campaign.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.campaign.CampaignService;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.contact.Contact;
import io.lodestar.campaign.contact.ContactRepository;
import io.lodestar.campaign.dispatch.Delivery;
import io.lodestar.campaign.dispatch.DeliveryOutcome;
import io.lodestar.campaign.dispatch.DispatchService;
import io.lodestar.campaign.dispatch.MessageRepository;
import io.lodestar.campaign.peers.SegmentationClient;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.product.ItemTrending;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs journeys: every second it takes the instances that are due, advances each through
 * {@link JourneyStateMachine}, and sends what its steps say through {@link DispatchService} in one transaction with
 * the new state and the executed-step records. The instance's version guards the state (an event that arrived
 * meanwhile makes the worker look again), the executed-step records and the message idempotency key guard the
 * sends: a step never runs twice, whatever restarts.
 */
@ApplicationScoped
public class JourneyRunner {

    private final Pool pool;
    private final JourneyRepository journeys;
    private final JourneyService entries;
    private final CampaignRepository campaigns;
    private final CampaignService campaignService;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final DispatchService dispatch;
    private final SegmentationClient segmentation;
    private final CampaignConfig config;

    public JourneyRunner(Pool pool, JourneyRepository journeys, JourneyService entries, CampaignRepository campaigns,
                         CampaignService campaignService, ContactRepository contacts, MessageRepository messages,
                         DispatchService dispatch, SegmentationClient segmentation, CampaignConfig config) {
        this.pool = pool;
        this.journeys = journeys;
        this.entries = entries;
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.contacts = contacts;
        this.messages = messages;
        this.dispatch = dispatch;
        this.segmentation = segmentation;
        this.config = config;
    }

    @Scheduled(identity = "lodestar-journeys", every = "${lodestar.campaign.dispatch.tick:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return advanceDue(Instant.now())
                .onFailure().invoke(failure -> Log.warnf("journey pass failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Advances one batch of due instances; returns how many were advanced. */
    public Uni<Integer> advanceDue(Instant now) {
        return pool.withTransaction(connection -> journeys.claimDue(connection, now,
                        now.plus(config.dispatch().claimTimeout()), config.dispatch().journeyBatch()))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(instance -> advance(instance, now)
                                .onFailure(DispatchService.StaleBatchException.class).recoverWithItem(false)
                                .onFailure().invoke(failure -> Log.warnf(failure, "journey instance %s: %s",
                                        instance.instanceId(), failure.getMessage()))
                                .onFailure().recoverWithItem(false))
                        .filter(Boolean::booleanValue).collect().asList().map(List::size));
    }

    private record Loaded(Campaign campaign, JourneyFacts facts) {
    }

    private Uni<Boolean> advance(JourneyInstance instance, Instant now) {
        return pool.withConnection(connection -> campaigns.find(connection, instance.campaignId())
                        .chain(campaign -> contacts.find(connection, instance.customerId())
                                .chain(contact -> messages.lastOf(connection, instance.campaignId(),
                                                instance.customerId())
                                        .map(last -> new Loaded(campaign.orElseThrow(),
                                                facts(instance, contact.orElse(Contact.unknown(instance.customerId())),
                                                        last.orElse(null)))))))
                .chain(loaded -> {
                    Campaign campaign = loaded.campaign();
                    JourneyFacts facts = loaded.facts();
                    JourneyDefinition definition = campaign.definition().journey();
                    Advance advance = JourneyStateMachine.advance(definition, instance.state(),
                            facts, now);
                    List<Delivery> deliveries = new ArrayList<>();
                    for (Action action : advance.actions()) {
                        if (action instanceof Action.SendMessage send) {
                            deliveries.add(delivery(campaign, instance, send.step()));
                        }
                    }
                    return dispatch.deliver(campaign, deliveries, now, new DispatchService.Commit() {
                        @Override
                        public Uni<Boolean> claim(SqlConnection connection) {
                            return journeys.update(connection, instance, advance.next(), now);
                        }

                        @Override
                        public Uni<Void> record(SqlConnection connection, DeliveryOutcome outcome,
                                                Set<UUID> inserted) {
                            return Multi.createFrom().iterable(deliveries)
                                    .onItem().transformToUniAndConcatenate(d -> journeys.markExecuted(connection,
                                            instance.instanceId(), d.stepId(), now))
                                    .collect().last().replaceWithVoid();
                        }
                    }).replaceWith(true);
                });
    }

    private static JourneyFacts facts(JourneyInstance instance, Contact contact, MessageRepository.Sent last) {
        return new JourneyFacts(instance.enteredAt(), contact.lastPaidAt(), last == null ? null : last.dispatchedAt(),
                last == null ? null : last.openedAt(), last == null ? null : last.clickedAt(), contact.memberTier(),
                instance.events());
    }

    private static Delivery delivery(Campaign campaign, JourneyInstance instance, JourneyStep.Send step) {
        CampaignDefinition definition = campaign.definition();
        List<MessageChannel> channels = step.channels() != null && !step.channels().isEmpty() ? step.channels()
                : definition.channels().stream().map(CampaignDefinition.ChannelCost::channel).toList();
        return new Delivery(campaign, null, instance.instanceId(), step.id() + "@" + instance.instanceId(), step.id(),
                instance.customerId(), instance.group(), step.template(), channels, step.withOffer());
    }

    /**
     * An item is trending: "hot item" journeys of its category take in their audience segment's members, page by
     * page. If segmentation-service cannot give the audience, the journey is paused with the reason.
     */
    public Uni<Void> applyTrendEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof ItemTrending trending)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return pool.withConnection(campaigns::runningJourneys).chain(running -> Multi.createFrom().iterable(running)
                .filter(campaign -> campaign.definition().journey().trigger() instanceof JourneyTrigger.ItemTrending t
                        && (t.category() == null || t.category().equals(trending.category())))
                .onItem().transformToUniAndConcatenate(campaign -> enterSegment(campaign,
                        ((JourneyTrigger.ItemTrending) campaign.definition().journey().trigger()).audienceSegmentId(),
                        null, now))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> enterSegment(Campaign campaign, String segmentId, String cursor, Instant now) {
        return segmentation.members(segmentId, cursor)
                .chain(page -> entries.enterAll(campaign, page.customerIds(), now)
                        .chain(() -> page.nextCursor() == null ? Uni.createFrom().voidItem()
                                : enterSegment(campaign, segmentId, page.nextCursor(), now)))
                .onFailure().recoverWithUni(failure -> pool.withTransaction(connection ->
                        campaignService.pauseRunning(connection, campaign.id(),
                                "audience unavailable from segmentation-service: " + failure.getMessage())));
    }

    /** Birthday journeys take in the customers whose birthday is their lead time away (once a day). */
    @Scheduled(identity = "lodestar-birthdays", cron = "${lodestar.campaign.birthday-cron:0 0 1 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> birthdays() {
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return pool.withConnection(campaigns::runningJourneys).chain(running -> Multi.createFrom().iterable(running)
                .filter(campaign -> campaign.definition().journey().trigger() instanceof JourneyTrigger.Birthday)
                .onItem().transformToUniAndConcatenate(campaign -> {
                    int lead = ((JourneyTrigger.Birthday) campaign.definition().journey().trigger()).daysBefore();
                    return pool.withConnection(connection -> contacts.bornOn(connection, today.plusDays(lead)))
                            .chain(ids -> entries.enterAll(campaign, ids, now));
                })
                .collect().last().replaceWithVoid());
    }
}
