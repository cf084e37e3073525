package io.lodestar.segmentation.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.testkit.kafka.KafkaTestClient;

/** The profile service's events, as segmentation's tests publish them to the real broker. */
public final class SegmentationEvents {

    public static final EventCodec CODEC = new EventCodec();
    private static final String PRODUCER = "customer-profile-service";

    private SegmentationEvents() {
    }

    public static String paid(String customerId, String orderId, String amount, String category, Instant paidAt) {
        OrderLine line = new OrderLine("sku-" + category, category, null, 1, new BigDecimal(amount), null);
        return encode(EventType.ORDER_PAID, customerId, new OrderPaid(orderId, customerId, "EUR", List.of(line),
                new BigDecimal(amount), BigDecimal.ZERO, Channel.APP, null, null, paidAt));
    }

    /** An order of one line per category, each of the given amount; the order pays their sum. */
    public static String paid(String customerId, String orderId, Instant paidAt, Map<String, String> amountByCategory) {
        List<OrderLine> lines = amountByCategory.entrySet().stream()
                .map(e -> new OrderLine("sku-" + e.getKey(), e.getKey(), null, 1, new BigDecimal(e.getValue()), null))
                .toList();
        BigDecimal total = lines.stream().map(OrderLine::unitPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
        return encode(EventType.ORDER_PAID, customerId, new OrderPaid(orderId, customerId, "EUR", lines, total,
                BigDecimal.ZERO, Channel.APP, null, null, paidAt));
    }

    public static String refunded(String customerId, String orderId, String amount, Instant refundedAt) {
        return encode(EventType.ORDER_REFUNDED, customerId, new OrderRefunded(orderId, customerId, "EUR",
                new BigDecimal(amount), List.of(), "returned", refundedAt));
    }

    public static String behaviour(String customerId, BehaviourType type, Channel channel, Instant at) {
        return encode(EventType.BEHAVIOUR_RECORDED, customerId, new BehaviourRecorded(customerId, false, type, channel,
                "sku-1", "beauty", null, null, null, null, at, Map.of()));
    }

    /** A minimal profile snapshot: a birth date (or none) and the time it was taken. */
    public static String upserted(String customerId, LocalDate birthDate) {
        return encode(EventType.CUSTOMER_UPSERTED, customerId, new CustomerUpserted(customerId, null, birthDate, null,
                null, null, null, null, null, Channel.APP, null, null, null, null, List.of(), Map.of(), Instant.now()));
    }

    public static String merged(String survivorId, String mergedId) {
        return encode(EventType.IDENTITY_MERGED, survivorId, new CustomersMerged(survivorId, mergedId, Instant.now()));
    }

    public static String erased(String customerId) {
        return encode(EventType.IDENTITY_ERASED, customerId, new CustomerErased(customerId, Instant.now(), "request"));
    }

    public static String encode(EventType type, String customerId, Object payload) {
        return CODEC.encode(EventEnvelope.of(UUID.randomUUID(), Instant.now(), type, PRODUCER, customerId, payload));
    }

    public static void publish(String topic, String customerId, String... values) {
        for (String value : values) {
            KafkaTestClient.produce(topic, customerId, value);
        }
    }

    public static void publishOrders(String customerId, String... values) {
        publish(Topics.ORDERS, customerId, values);
    }
}
