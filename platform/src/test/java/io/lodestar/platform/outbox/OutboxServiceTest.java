package io.lodestar.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.platform.fixture.SampleEvents;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class OutboxServiceTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    OutboxService outbox;

    @Inject
    Pool pool;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void aCommittedChangePublishesItsEventKeyedByCustomer() {
        String customerId = "customer-" + UUID.randomUUID();
        createNote(customerId);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.CUSTOMERS,
                r -> customerId.equals(r.key()), r -> !r.isEmpty(), Duration.ofSeconds(30));

        assertThat(records).singleElement().satisfies(r -> {
            EventEnvelope<CustomerUpserted> event = CODEC.decode(r.value(), CustomerUpserted.class);
            assertThat(event.customerId()).isEqualTo(customerId);
            assertThat(event.producer()).isEqualTo("platform-fixture");
            assertThat(new String(r.headers().lastHeader(OutboxPublisher.EVENT_TYPE_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo("customer.upserted");
        });
    }

    @Test
    void aChangeCommittedWhileTheBrokerIsDownArrivesExactlyOnceAfterItReturns() {
        String customerId = "customer-" + UUID.randomUUID();
        KafkaBrokerResource.broker().stop();
        try {
            createNote(customerId);
            // The relay has tried and been refused: the event waits in the outbox, committed.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                OutboxStatus status = status();
                assertThat(status.pending()).isPositive();
                assertThat(status.oldestPendingAttempts()).isPositive();
                assertThat(status.lastError()).isNotBlank();
            });
        } finally {
            KafkaBrokerResource.broker().restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> status().pending() == 0);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readFor(Topics.CUSTOMERS,
                r -> customerId.equals(r.key()), Duration.ofSeconds(5));
        assertThat(records).hasSize(1);
        assertThat(CODEC.decode(records.get(0).value(), CustomerUpserted.class).payload().customerId())
                .isEqualTo(customerId);
    }

    @Test
    void oneCustomersEventsArriveInCommitOrder() {
        String customerId = "customer-" + UUID.randomUUID();
        int changes = 8;
        for (int i = 0; i < changes; i++) {
            createNote(customerId);
        }

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.CUSTOMERS,
                r -> customerId.equals(r.key()), r -> r.size() >= changes, Duration.ofSeconds(30));

        // Each change stamps its payload when it is made; commit order must be arrival order.
        assertThat(records).hasSize(changes);
        assertThat(records).extracting(r -> CODEC.decode(r.value(), CustomerUpserted.class).payload().updatedAt())
                .isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates();
    }

    @Test
    void aBulkEnqueueOnASqlConnectionPublishesEveryEventInListOrder() throws Throwable {
        String customerId = "customer-" + UUID.randomUUID();
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(EventEnvelope.of(UUID.randomUUID(), Instant.parse("2011-01-01T00:00:00Z").plusSeconds(i),
                    EventType.ORDER_PAID, "platform-fixture", customerId,
                    SampleEvents.orderPaid("order-" + i, customerId, "10.00")));
        }

        VertxContextSupport.subscribeAndAwait(() -> pool.withTransaction(c -> outbox.enqueueAll(c, events)));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.ORDERS,
                r -> customerId.equals(r.key()), r -> r.size() >= 5, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> CODEC.decode(r.value()).eventId())
                .containsExactlyElementsOf(events.stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String customerId = "customer-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","customerId":"%s","body":"doomed"}""".formatted(UUID.randomUUID(), customerId))
                .post("/fixture/notes/crash").then().statusCode(500);
        createNote("marker-" + customerId);

        // The marker, committed after the failed change, arrives; the failed change never does.
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.CUSTOMERS,
                r -> r.key().endsWith(customerId), r -> r.stream().anyMatch(x -> x.key().startsWith("marker-")),
                Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("marker-" + customerId);
    }

    @Test
    void theBacklogIsVisibleToAdministratorsOnly() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/admin/outbox")
                .then().statusCode(200).contentType(ContentType.JSON);
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).get("/admin/outbox")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/admin/outbox").then().statusCode(401).contentType("application/problem+json");
    }

    private static void createNote(String customerId) {
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","customerId":"%s","body":"hello"}""".formatted(UUID.randomUUID(), customerId))
                .post("/fixture/notes").then().statusCode(201);
    }

    private static OutboxStatus status() {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/admin/outbox")
                .then().statusCode(200).extract().as(OutboxStatus.class);
    }
}
