package io.lodestar.segmentation.feature;

import static io.lodestar.segmentation.feature.SegmentationEvents.behaviour;
import static io.lodestar.segmentation.feature.SegmentationEvents.paid;
import static io.lodestar.segmentation.feature.SegmentationEvents.publish;
import static io.lodestar.segmentation.feature.SegmentationEvents.publishOrders;
import static io.lodestar.segmentation.feature.SegmentationEvents.refunded;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class FeatureConsumersTest {

    static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);
    private static final Instant JAN = Instant.parse("2026-01-10T09:30:00Z");

    @Inject
    FeatureService service;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void paidOrdersAndRefundsMakeFrequencyAndNetSpendAndARedeliveryChangesNothing() {
        String customer = "c-" + UUID.randomUUID();
        String first = paid(customer, "o1-" + customer, "100.00", "beauty", JAN);
        String second = paid(customer, "o2-" + customer, "50.50", "shoes", JAN.plus(Duration.ofDays(20)));
        String refund = refunded(customer, "o1-" + customer, "30.00", JAN.plus(Duration.ofDays(25)));
        publishOrders(customer, first, second, refund, first, refund); // the last two are redeliveries

        awaitFeatures(customer, f -> f.body("paidOrders", equalTo(2)).body("netSpend", equalTo(120.5f)));
        features(customer).body("grossSpend", equalTo(150.5f)).body("refundedAmount", equalTo(30.0f))
                .body("firstPaidAt", equalTo("2026-01-10T09:30:00Z"))
                .body("lastPaidAt", equalTo("2026-01-30T09:30:00Z"))
                .body("averageOrderValue", equalTo(75.25f))
                .body("categorySpend.beauty", equalTo(100.0f)).body("categorySpend.shoes", equalTo(50.5f))
                .body("topCategory", equalTo("beauty"));
        assertSameAsRebuiltFromFacts(customer);
    }

    @Test
    void behaviourEventsCountPerTypeChannelAndHourAndAnonymousOnesAreLeftOut() {
        String customer = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, customer,
                behaviour(customer, BehaviourType.PRODUCT_VIEW, Channel.APP, JAN),
                behaviour(customer, BehaviourType.PRODUCT_VIEW, Channel.MINI_PROGRAM, JAN.plusSeconds(60)),
                behaviour(customer, BehaviourType.ADD_TO_CART, Channel.APP, JAN.plusSeconds(3600)),
                behaviour(customer, BehaviourType.ADD_TO_CART, Channel.APP, JAN.plusSeconds(3700)),
                behaviour(customer, BehaviourType.CHECKOUT, Channel.APP, JAN.plusSeconds(3800)),
                behaviour(customer, BehaviourType.FAVORITE, Channel.APP, JAN.plusSeconds(3900)));
        String visitor = "anon-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, visitor, SegmentationEvents.encode(EventType.BEHAVIOUR_RECORDED, visitor,
                new io.lodestar.contracts.behaviour.BehaviourRecorded(visitor, true, BehaviourType.PAGE_VIEW,
                        Channel.WEB, null, null, null, null, null, null, JAN, java.util.Map.of())));

        awaitFeatures(customer, f -> f.body("behaviourCounts.favorites", equalTo(1)));
        features(customer).body("behaviourCounts.product_views", equalTo(2))
                .body("behaviourCounts.cart_adds", equalTo(2)).body("behaviourCounts.checkouts", equalTo(1))
                .body("cartAbandonmentRate", equalTo(0.5f))
                .body("channelCounts.app", equalTo(5)).body("channelCounts.mini_program", equalTo(1))
                .body("preferredChannel", equalTo("app"))
                .body("hourCounts.9", equalTo(2)).body("hourCounts.10", equalTo(4))
                .body("lastEventAt", equalTo("2026-01-10T10:35:00Z"));
        assertSameAsRebuiltFromFacts(customer);
        // The visitor is not a customer: give the consumer time to have seen its event, then check.
        KafkaTestClient.readFor(Topics.CUSTOMER_EVENTS, r -> visitor.equals(r.key()), Duration.ofSeconds(1));
        given().header("Authorization", OPERATOR).get("/customers/" + visitor + "/features").then().statusCode(404);
    }

    @Test
    void profileSnapshotsGiveAttributesAndAnOlderSnapshotNeverOverwritesANewerOne() {
        String customer = "c-" + UUID.randomUUID();
        String newer = SegmentationEvents.encode(EventType.CUSTOMER_UPSERTED, customer, snapshot(customer,
                CityTier.TIER_1, MemberTier.GOLD, JAN.plusSeconds(60)));
        String older = SegmentationEvents.encode(EventType.CUSTOMER_UPSERTED, customer, snapshot(customer,
                CityTier.TIER_2, MemberTier.NORMAL, JAN));
        publish(Topics.CUSTOMERS, customer, newer, older);
        String marker = "c-" + UUID.randomUUID(); // published after both: once it is applied, both were
        publish(Topics.CUSTOMERS, customer, SegmentationEvents.encode(EventType.CUSTOMER_UPSERTED, marker,
                snapshot(marker, CityTier.TIER_2, MemberTier.SILVER, JAN)));

        awaitFeatures(marker, f -> f.body("attributes.memberTier", equalTo("silver")));
        features(customer).body("attributes.cityTier", equalTo("tier-1")).body("attributes.memberTier", equalTo("gold"))
                .body("paidOrders", equalTo(0));
    }

    @Test
    void aMergeMovesFactsToTheSurvivorAndLateFactsOfTheMergedIdFollow() {
        String survivor = "c-" + UUID.randomUUID();
        String merged = "c-" + UUID.randomUUID();
        publishOrders(survivor, paid(survivor, "o-" + survivor, "10.00", "beauty", JAN));
        publishOrders(merged, paid(merged, "o-" + merged, "20.00", "toys", JAN.plusSeconds(3600)));
        awaitFeatures(merged, f -> f.body("paidOrders", equalTo(1)));
        awaitFeatures(survivor, f -> f.body("paidOrders", equalTo(1)));

        publish(Topics.IDENTITY, survivor, SegmentationEvents.merged(survivor, merged));
        awaitFeatures(survivor, f -> f.body("paidOrders", equalTo(2)).body("netSpend", equalTo(30.0f)));
        given().header("Authorization", OPERATOR).get("/customers/" + merged + "/features").then().statusCode(404);

        publishOrders(merged, paid(merged, "o2-" + merged, "5.00", "toys", JAN.plusSeconds(7200)));
        awaitFeatures(survivor, f -> f.body("paidOrders", equalTo(3)).body("categorySpend.toys", equalTo(25.0f)));
        assertSameAsRebuiltFromFacts(survivor);
    }

    @Test
    void anErasureForgetsTheCustomerAndLateFactsDoNotBringThemBack() {
        String customer = "c-" + UUID.randomUUID();
        publishOrders(customer, paid(customer, "o-" + customer, "10.00", "beauty", JAN));
        awaitFeatures(customer, f -> f.body("paidOrders", equalTo(1)));
        pool.preparedQuery("INSERT INTO customer_tag (customer_id, tag, value, since) VALUES ($1, 'lifecycle', 'new', "
                + "now())").execute(io.vertx.mutiny.sqlclient.Tuple.of(customer)).await().indefinitely();
        publish(Topics.IDENTITY, customer, SegmentationEvents.erased(customer));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/features").then().statusCode(404));
        assertThat(pool.preparedQuery("SELECT count(*) FROM customer_tag WHERE customer_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(customer)).await().indefinitely().iterator().next()
                .getLong(0)).isZero();

        String marker = "c-" + UUID.randomUUID();
        publishOrders(customer, paid(customer, "o2-" + customer, "10.00", "beauty", JAN.plusSeconds(60)),
                paid(marker, "o-" + marker, "1.00", "beauty", JAN)); // same partition (same key), after the late fact
        awaitFeatures(marker, f -> f.body("paidOrders", equalTo(1)));
        given().header("Authorization", OPERATOR).get("/customers/" + customer + "/features").then().statusCode(404);
    }

    @Test
    void guestOrdersAreNotCustomers() {
        String guest = "guest-" + UUID.randomUUID();
        String marker = "c-" + UUID.randomUUID();
        publishOrders(guest, paid(guest, "o-" + guest, "10.00", "beauty", JAN), paid(marker, "o-" + marker, "1.00",
                "beauty", JAN));
        awaitFeatures(marker, f -> f.body("paidOrders", equalTo(1)));
        given().header("Authorization", OPERATOR).get("/customers/" + guest + "/features").then().statusCode(404);
    }

    @Test
    void aGarbageRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String customer = "c-" + UUID.randomUUID();
        String garbage = "{\"type\":\"order.paid\", not json " + customer;
        publishOrders(customer, garbage, paid(customer, "o-" + customer, "10.00", "beauty", JAN));
        String unknownField = paid(customer, "o2-" + customer, "5.00", "beauty", JAN.plusSeconds(1))
                .replaceFirst("\\{", "{\"addedLater\":true,");
        publishOrders(customer, unknownField);

        awaitFeatures(customer, f -> f.body("paidOrders", equalTo(2)));
        // One dead letter per consumer group of lodestar.orders.v1 that decodes one by one (the features' and the
        // alerts'); the traffic consumer's, marked with its dead-letter-consumer header, is left out.
        assertThat(KafkaTestClient.read(Topics.deadLetter(Topics.ORDERS), r -> customer.equals(r.key())
                        && r.headers().lastHeader("dead-letter-consumer") == null,
                r -> r.size() >= 2, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly(garbage, garbage);
    }

    @Test
    void featuresNeedTheOperatorRole() {
        given().get("/customers/anyone/features").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.APP)).get("/customers/anyone/features").then()
                .statusCode(403);
    }

    private void assertSameAsRebuiltFromFacts(String customer) {
        CustomerFeaturesView incremental = service.find(customer).await().indefinitely().orElseThrow();
        service.rebuild(customer).await().indefinitely();
        CustomerFeaturesView rebuilt = service.find(customer).await().indefinitely().orElseThrow();
        assertThat(rebuilt).usingRecursiveComparison().withComparatorForType(java.math.BigDecimal::compareTo,
                java.math.BigDecimal.class).isEqualTo(incremental);
    }

    private static CustomerUpserted snapshot(String customer, CityTier tier, MemberTier member, Instant updatedAt) {
        return new CustomerUpserted(customer, null, java.time.LocalDate.parse("1990-05-01"), "Shanghai", "Shanghai",
                "east", tier, null, null, Channel.APP, JAN, member, 100L, "Asia/Shanghai", java.util.List.of(),
                java.util.Map.of(), updatedAt);
    }

    static ValidatableResponse features(String customer) {
        return given().header("Authorization", OPERATOR).get("/customers/" + customer + "/features").then()
                .statusCode(200).body("customerId", notNullValue());
    }

    static void awaitFeatures(String customer, java.util.function.Consumer<ValidatableResponse> check) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ValidatableResponse response = given().header("Authorization", OPERATOR)
                    .get("/customers/" + customer + "/features").then();
            response.statusCode(200);
            check.accept(response);
        });
    }
}
