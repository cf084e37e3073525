package io.lodestar.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;

/**
 * Decides what happens to a dispatched message: delivered or bounced, then perhaps opened, clicked and unsubscribed,
 * with plausible times. Pure and deterministic: the outcome depends only on the {@link FeedbackRates}, the seed and
 * the message, never on when or how often it is asked. That is what makes the simulator safe under Kafka's
 * at-least-once delivery: a dispatch that is read twice (a crash before the offset commit, a rebalance) yields the
 * same feedback with the same event ids, and the consumers' {@code processed_event} guard drops the copies.
 *
 * <p>Every message gets its own random stream, seeded from a SHA-256 of the seed and the message id, and the stream
 * is always drawn in the same order and to the same length; so one message's outcome does not depend on which other
 * messages were seen before it, and raising a rate only ever adds events (a message opened at 20 % is still opened
 * at 25 %).
 */
public final class FeedbackModel {

    /** The envelope's {@code producer}. */
    public static final String PRODUCER = "channel-gateway-simulator";

    private final FeedbackRates rates;
    private final long seed;

    public FeedbackModel(FeedbackRates rates, long seed) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.seed = seed;
    }

    /**
     * The feedback events of one message, in the order they happen: {@code delivered} or {@code bounced} first, then
     * {@code opened}, {@code clicked} and {@code unsubscribed} as drawn. Invariants: exactly one of delivered and
     * bounced; opened only if delivered; clicked only if opened; unsubscribed only if delivered.
     *
     * <p>Times: delivered 1–30 s after {@code sendAt} (bounced 1–60 s), opened 1 min–2 h after delivery, clicked
     * 3–90 s after the open, unsubscribed 10 s–30 min after the customer's last event.
     */
    public List<EventEnvelope<MessageFeedback>> feedbackFor(MessageDispatched message) {
        Objects.requireNonNull(message, "message");
        ChannelRates r = rates.of(message.channel());
        SplittableRandom random = new SplittableRandom(streamSeed(message.messageId()));
        // Draw everything up front, always in this order, so that each decision reads the same number whatever the
        // earlier decisions were (see the class comment).
        double deliveredDraw = random.nextDouble();
        double openDraw = random.nextDouble();
        double clickDraw = random.nextDouble();
        double unsubscribeDraw = random.nextDouble();
        long deliverySeconds = 1 + random.nextInt(30);
        long bounceSeconds = 1 + random.nextInt(60);
        long openSeconds = 60 + random.nextInt(2 * 3600 - 60 + 1);
        long clickSeconds = 3 + random.nextInt(90 - 3 + 1);
        long unsubscribeSeconds = 10 + random.nextInt(1800 - 10 + 1);
        int pick = random.nextInt(Integer.MAX_VALUE);

        List<EventEnvelope<MessageFeedback>> events = new ArrayList<>(4);
        if (deliveredDraw >= r.delivered()) {
            Instant at = message.sendAt().plusSeconds(bounceSeconds);
            events.add(event(message, FeedbackKind.BOUNCED, at, bounceReason(message.channel(), pick)));
            return events;
        }
        Instant last = message.sendAt().plusSeconds(deliverySeconds);
        events.add(event(message, FeedbackKind.DELIVERED, last, null));
        if (openDraw < r.openGivenDelivered()) {
            last = last.plusSeconds(openSeconds);
            events.add(event(message, FeedbackKind.OPENED, last, null));
            if (clickDraw < r.clickGivenOpened()) {
                last = last.plusSeconds(clickSeconds);
                events.add(event(message, FeedbackKind.CLICKED, last, clickTarget(message, pick)));
            }
        }
        if (unsubscribeDraw < r.unsubscribeGivenDelivered()) {
            events.add(event(message, FeedbackKind.UNSUBSCRIBED, last.plusSeconds(unsubscribeSeconds),
                    unsubscribeRoute(message.channel())));
        }
        return events;
    }

    /**
     * The event id of one kind of feedback about one message: a name-based UUID of {@code messageId:kind}, the same
     * in every run and on every redelivery. Each kind happens at most once per message, so the pair is unique.
     */
    public static UUID eventId(String messageId, FeedbackKind kind) {
        String name = messageId + ":" + kind.name().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static EventEnvelope<MessageFeedback> event(MessageDispatched m, FeedbackKind kind, Instant at,
            String detail) {
        MessageFeedback feedback = new MessageFeedback(m.messageId(), m.campaignId(), m.customerId(), m.channel(),
                kind, at, detail);
        return EventEnvelope.of(eventId(m.messageId(), kind), at, EventType.CAMPAIGN_MESSAGE_FEEDBACK, PRODUCER,
                m.customerId(), feedback);
    }

    private long streamSeed(String messageId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update(messageId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /** What the gateway says when a message could not be delivered, as providers of that channel word it. */
    private static String bounceReason(MessageChannel channel, int pick) {
        List<String> reasons = switch (channel) {
            case SMS -> List.of("invalid_number", "carrier_rejected");
            case APP_PUSH -> List.of("token_expired", "app_uninstalled");
            case EMAIL -> List.of("mailbox_unavailable", "mailbox_full", "rejected_as_spam");
            case MINI_PROGRAM -> List.of("subscription_quota_used");
            case WECOM -> List.of("contact_deleted");
            case COMMUNITY -> List.of("member_left_group");
            case LIVE_STREAM -> List.of("invite_rejected");
        };
        return reasons.get(pick % reasons.size());
    }

    /** One of the recommended items (for click attribution), or the message's own link when it recommends none. */
    private static String clickTarget(MessageDispatched m, int pick) {
        List<String> items = m.recommendedItemIds();
        return items.isEmpty() ? "link" : "item:" + items.get(pick % items.size());
    }

    private static String unsubscribeRoute(MessageChannel channel) {
        return switch (channel) {
            case SMS -> "reply_td";
            case EMAIL -> "unsubscribe_link";
            default -> "channel_settings";
        };
    }
}
