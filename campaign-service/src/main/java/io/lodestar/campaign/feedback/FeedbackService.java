package io.lodestar.campaign.feedback;

import java.util.UUID;

import io.lodestar.campaign.contact.ContactService;
import io.lodestar.campaign.dispatch.MessageRepository;
import io.lodestar.campaign.journey.JourneyEvent;
import io.lodestar.campaign.journey.JourneyService;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happened to messages after dispatch, for the funnel and the journeys: gateway feedback (delivered, opened,
 * clicked, bounced, unsubscribed — an unsubscribe also withdraws the customer's consent for that channel) and the
 * shop's own behaviour events that name a campaign (an add-to-cart after a message).
 */
@ApplicationScoped
public class FeedbackService {

    static final String FEEDBACK_CONSUMER = "campaign.feedback";
    static final String EVENTS_CONSUMER = "campaign.customer-events";

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final MessageRepository messages;
    private final ContactService contacts;
    private final JourneyService journeys;

    public FeedbackService(Pool pool, IdempotentConsumerGuard guard, MessageRepository messages,
                           ContactService contacts, JourneyService journeys) {
        this.pool = pool;
        this.guard = guard;
        this.messages = messages;
        this.contacts = contacts;
        this.journeys = journeys;
    }

    public Uni<Void> applyFeedback(EventEnvelope<?> event) {
        if (!(event.payload() instanceof MessageFeedback feedback)) {
            return Uni.createFrom().voidItem();
        }
        UUID messageId = UUID.fromString(feedback.messageId());
        return pool.withTransaction(connection -> guard.once(connection, FEEDBACK_CONSUMER, event, () ->
                messages.find(connection, messageId).chain(found -> {
                    if (found.isEmpty()) {
                        // Feedback on a message this service never sent (another installation's gateway): ignored.
                        return Uni.createFrom().voidItem();
                    }
                    MessageRepository.Sent sent = found.get();
                    Uni<Void> recorded = messages.recordFeedback(connection, messageId, column(feedback), feedback.at());
                    return switch (feedback.kind()) {
                        case UNSUBSCRIBED -> recorded.chain(() -> contacts.withdraw(connection, sent.customerId(),
                                feedback.channel(), feedback.at()));
                        case OPENED -> recorded.chain(() -> journeys.onEvent(connection, sent.customerId(),
                                JourneyEvent.MESSAGE_OPENED, feedback.at(), sent.journeyInstanceId()));
                        case CLICKED -> recorded.chain(() -> journeys.onEvent(connection, sent.customerId(),
                                JourneyEvent.MESSAGE_CLICKED, feedback.at(), sent.journeyInstanceId()));
                        default -> recorded;
                    };
                }))).replaceWithVoid();
    }

    /** Behaviour events: an add-to-cart naming a campaign moves its funnel; journeys see carts and explicit events. */
    public Uni<Void> applyBehaviourEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof BehaviourRecorded behaviour) || behaviour.anonymous()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> guard.once(connection, EVENTS_CONSUMER, event, () -> {
            Uni<Void> funnel = behaviour.behaviour() == BehaviourType.ADD_TO_CART && behaviour.campaignId() != null
                    ? messages.lastOf(connection, behaviour.campaignId(), behaviour.customerId()).chain(last ->
                            last.isEmpty() ? Uni.createFrom().voidItem()
                                    : messages.recordFeedback(connection, last.get().messageId(), "added_to_cart_at",
                                            behaviour.occurredAt()))
                    : Uni.createFrom().voidItem();
            return funnel.chain(() -> journeys.onBehaviour(connection, behaviour));
        })).replaceWithVoid();
    }

    private static String column(MessageFeedback feedback) {
        return switch (feedback.kind()) {
            case DELIVERED -> "delivered_at";
            case OPENED -> "opened_at";
            case CLICKED -> "clicked_at";
            case BOUNCED -> "bounced_at";
            case UNSUBSCRIBED -> "unsubscribed_at";
        };
    }
}
