package io.lodestar.recommendation;

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
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaTestClient;

/** The events recommendation-service's tests publish, as customer-profile-service would, and the tokens they use. */
public final class RecommendationEvents {

    public static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);
    public static final String APP = TestTokens.bearer(Roles.APP);
    private static final EventCodec CODEC = new EventCodec();
    private static final String PRODUCER = "customer-profile-service";

    private RecommendationEvents() {
    }

    /** A paid order of one unit of each item, at 10.00 each. */
    public static String paid(String customerId, String orderId, Instant paidAt, String... items) {
        List<OrderLine> lines = java.util.Arrays.stream(items)
                .map(item -> new OrderLine(item, null, null, 1, new BigDecimal("10.00"), null)).toList();
        return encode(EventType.ORDER_PAID, customerId, new OrderPaid(orderId, customerId, "EUR", lines,
                new BigDecimal("10.00").multiply(BigDecimal.valueOf(items.length)), BigDecimal.ZERO, Channel.APP,
                null, null, paidAt));
    }

    /** A paid order of {@code units} units of one item, at 10.00 each. */
    public static String paidUnits(String customerId, String orderId, Instant paidAt, String itemId, int units) {
        BigDecimal price = new BigDecimal("10.00");
        return encode(EventType.ORDER_PAID, customerId, new OrderPaid(orderId, customerId, "EUR",
                List.of(new OrderLine(itemId, null, null, units, price, null)),
                price.multiply(BigDecimal.valueOf(units)), BigDecimal.ZERO, Channel.APP, null, null, paidAt));
    }

    /** A refund of the whole order (no lines named). */
    public static String refunded(String customerId, String orderId, Instant refundedAt) {
        return encode(EventType.ORDER_REFUNDED, customerId, new OrderRefunded(orderId, customerId, "EUR",
                new BigDecimal("10.00"), List.of(), "returned", refundedAt));
    }

    public static String behaviour(String customerId, BehaviourType type, String itemId, String category,
                                   Instant at) {
        return encode(EventType.BEHAVIOUR_RECORDED, customerId, new BehaviourRecorded(customerId, false, type,
                Channel.APP, itemId, category, null, null, null, null, at, Map.of()));
    }

    public static String upserted(String customerId, String region, LocalDate birthDate) {
        return encode(EventType.CUSTOMER_UPSERTED, customerId, new CustomerUpserted(customerId, null, birthDate, null,
                null, region, null, null, null, Channel.APP, null, null, null, null, List.of(), Map.of(),
                Instant.now()));
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

    /** Publishes many records with one producer (faster than {@link #publish} for dozens of events). */
    public static void publishAll(String topic, String customerId, List<String> values) {
        KafkaTestClient.produceAll(topic, values.stream().map(value -> Map.entry(customerId, value)).toList());
    }

    public static void publishOrders(String customerId, String... values) {
        publish(Topics.ORDERS, customerId, values);
    }

    public static void publishEvents(String customerId, String... values) {
        publish(Topics.CUSTOMER_EVENTS, customerId, values);
    }
}
