package io.lodestar.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.platform.fixture.SampleEvents;
import io.lodestar.platform.fixture.Spend;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** The fixture consumer (raw JSON → EventIntake → guarded service.apply) against the real broker. */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class IdempotentConsumerGuardTest {

    private static final EventCodec CODEC = new EventCodec();

    /** Read the outcome with plain SQL from the test thread (Hibernate Reactive sessions belong to Vert.x). */
    @Inject
    Pool pool;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String customerId = "customer-" + UUID.randomUUID();
        String paid = CODEC.encode(EventEnvelope.of(EventType.ORDER_PAID, "test", customerId,
                SampleEvents.orderPaid("order-1", customerId, "100.00")));
        KafkaTestClient.produce(Topics.ORDERS, customerId, paid);
        KafkaTestClient.produce(Topics.ORDERS, customerId, paid);
        // Same key, same partition: once the refund is applied, both copies of the payment were handled.
        KafkaTestClient.produce(Topics.ORDERS, customerId, refund(customerId, "30.00"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Spend spend = spendOf(customerId);
            assertThat(spend).isNotNull();
            assertThat(spend.netSpend).isEqualByComparingTo("70.00");
            assertThat(spend.paidOrders).isEqualTo(1);
        });
    }

    @Test
    void aGarbageRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String customerId = "customer-" + UUID.randomUUID();
        String garbage = "{not json at all " + customerId;
        KafkaTestClient.produce(Topics.ORDERS, customerId, garbage);
        String missingField = """
                {"eventId":"%s","type":"order.paid","schemaVersion":1,"occurredAt":"2026-11-23T10:00:00Z",
                 "producer":"test","customerId":"%s","payload":{"customerId":"%s","currency":"CNY"}}"""
                .formatted(UUID.randomUUID(), customerId, customerId);
        KafkaTestClient.produce(Topics.ORDERS, customerId, missingField);
        KafkaTestClient.produce(Topics.ORDERS, customerId, CODEC.encode(EventEnvelope.of(EventType.ORDER_PAID,
                "test", customerId, SampleEvents.orderPaid("order-2", customerId, "25.50"))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Spend spend = spendOf(customerId);
            assertThat(spend).isNotNull();
            assertThat(spend.netSpend).isEqualByComparingTo("25.50");
        });
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.deadLetter(Topics.ORDERS),
                r -> customerId.equals(r.key()), r -> r.size() >= 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(garbage, missingField);
        assertThat(reason(dead.get(1))).contains("payload.orderId");
    }

    @Test
    void unknownFieldsAreTolerated() {
        String customerId = "customer-" + UUID.randomUUID();
        String json = CODEC.encode(EventEnvelope.of(EventType.ORDER_PAID, "test", customerId,
                SampleEvents.orderPaid("order-3", customerId, "12.00")));
        String withExtras = json.replaceFirst("\\{", "{\"addedInVersion2\":true,")
                .replace("\"payload\":{", "\"payload\":{\"loyaltyBonus\":{\"points\":5},");
        KafkaTestClient.produce(Topics.ORDERS, customerId, withExtras);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Spend spend = spendOf(customerId);
            assertThat(spend).isNotNull();
            assertThat(spend.netSpend).isEqualByComparingTo("12.00");
        });
    }

    private Spend spendOf(String customerId) {
        RowSet<Row> rows = pool.preparedQuery("SELECT paid_orders, net_spend FROM fixture_spend WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).await().atMost(Duration.ofSeconds(10));
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        Spend spend = new Spend();
        spend.customerId = customerId;
        spend.paidOrders = row.getInteger("paid_orders");
        spend.netSpend = row.getBigDecimal("net_spend");
        return spend;
    }

    private static String refund(String customerId, String amount) {
        return CODEC.encode(EventEnvelope.of(EventType.ORDER_REFUNDED, "test", customerId,
                new OrderRefunded("order-1", customerId, "CNY", new BigDecimal(amount), List.of(), "damaged",
                        Instant.now())));
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
