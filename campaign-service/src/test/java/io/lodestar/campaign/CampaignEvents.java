package io.lodestar.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.contracts.customer.Consent;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.segment.SegmentEntered;
import io.lodestar.contracts.segment.SegmentKind;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaTestClient;

/**
 * The events campaign-service's tests publish, as the other services and the channel gateways would, and the
 * tokens they use.
 */
public final class CampaignEvents {

    public static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);
    public static final EventCodec CODEC = new EventCodec();

    private CampaignEvents() {
    }

    /** A profile with these channels consented, in this time zone, greeting name "Mei". */
    public static String customer(String customerId, String timeZone, MessageChannel... consented) {
        Instant now = Instant.now();
        List<Consent> consents = java.util.Arrays.stream(consented)
                .map(channel -> new Consent(channel, true, now.minusSeconds(60), "register-form", "marketing"))
                .toList();
        return encode(EventType.CUSTOMER_UPSERTED, customerId, new CustomerUpserted(customerId, null, null, null,
                null, null, null, null, null, Channel.APP, null, null, null, timeZone, consents,
                Map.of("nickname", "Mei"), now));
    }

    public static String segmentEntered(String segmentId, String customerId) {
        return encode(EventType.SEGMENT_ENTERED, customerId, new SegmentEntered(segmentId, "Churn risk",
                SegmentKind.CHURN, customerId, "no paid order in 90 days", Instant.now()));
    }

    public static String paid(String customerId, String orderId, BigDecimal amount, String couponCode) {
        return encode(EventType.ORDER_PAID, customerId, new OrderPaid(orderId, customerId, "CNY",
                List.of(new OrderLine("sku-1", "beauty", "Sunscreen", 1, amount, null)), amount, BigDecimal.ZERO,
                Channel.APP, null, couponCode, Instant.now()));
    }

    public static String feedback(MessageDispatched message, FeedbackKind kind) {
        return encode(EventType.CAMPAIGN_MESSAGE_FEEDBACK, message.customerId(), new MessageFeedback(
                message.messageId(), message.campaignId(), message.customerId(), message.channel(), kind,
                Instant.now(), null));
    }

    public static void publish(String topic, String customerId, String json) {
        KafkaTestClient.produce(topic, customerId, json);
    }

    /** Messages campaign-service dispatched to one customer, decoded. */
    public static List<MessageDispatched> dispatchedTo(String customerId, int atLeast, java.time.Duration timeout) {
        return KafkaTestClient.read(Topics.CAMPAIGN_DISPATCH, record -> customerId.equals(record.key()),
                        records -> records.size() >= atLeast, timeout).stream()
                .map(record -> (MessageDispatched) CODEC.decode(record.value()).payload()).toList();
    }

    private static <P> String encode(EventType type, String customerId, P payload) {
        return CODEC.encode(EventEnvelope.of(type, "test", customerId, payload));
    }
}
