package io.lodestar.customerprofile.order;

import static io.lodestar.customerprofile.order.OrderApi.CODEC;
import static io.lodestar.customerprofile.order.OrderApi.assertEventTypes;
import static io.lodestar.customerprofile.order.OrderApi.cancellation;
import static io.lodestar.customerprofile.order.OrderApi.events;
import static io.lodestar.customerprofile.order.OrderApi.eventsWithin3s;
import static io.lodestar.customerprofile.order.OrderApi.get;
import static io.lodestar.customerprofile.order.OrderApi.newId;
import static io.lodestar.customerprofile.order.OrderApi.order;
import static io.lodestar.customerprofile.order.OrderApi.paid;
import static io.lodestar.customerprofile.order.OrderApi.payment;
import static io.lodestar.customerprofile.order.OrderApi.placed;
import static io.lodestar.customerprofile.order.OrderApi.post;
import static io.lodestar.customerprofile.order.OrderApi.problem;
import static io.lodestar.customerprofile.order.OrderApi.refund;
import static io.lodestar.customerprofile.order.OrderApi.refundLine;
import static io.lodestar.customerprofile.order.OrderApi.types;
import static io.lodestar.customerprofile.order.OrderApi.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.order.OrderCancelled;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;

/** The order lifecycle over HTTP against the real PostgreSQL database and Kafka broker. */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class OrderLifecycleTest {

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void placePayRefundInPartThenInFullPublishesTheFourEventsInOrder() {
        String customerId = newId("customer");
        String orderId = newId("order");
        Map<String, Object> body = order(orderId, customerId);

        post("/orders", body).statusCode(201)
                .header("Location", endsWith("/orders/" + orderId))
                .body("orderId", equalTo(orderId))
                .body("status", equalTo("placed"))
                .body("subtotalAmount", equalTo(130.00f))
                .body("totalAmount", equalTo(115.00f))
                .body("lines", hasSize(2));
        post("/orders/" + orderId + "/payment", payment(null)).statusCode(200)
                .body("status", equalTo("paid"))
                .body("paidAmount", equalTo(115.00f));
        post("/orders/" + orderId + "/refunds",
                with(refund("refund-1", "45.00"), "lines", List.of(refundLine("sku-1", 1))))
                .statusCode(201)
                .header("Location", endsWith("/orders/" + orderId))
                .body("status", equalTo("partially_refunded"))
                .body("refundedAmount", equalTo(45.00f));
        post("/orders/" + orderId + "/refunds", refund("refund-2", "70.00")).statusCode(201)
                .body("status", equalTo("refunded"))
                .body("refundedAmount", equalTo(115.00f));

        get("/orders/" + orderId).statusCode(200)
                .body("status", equalTo("refunded"))
                .body("customerId", equalTo(customerId))
                .body("refunds.refundId", equalTo(List.of("refund-1", "refund-2")))
                .body("refunds[0].lines[0].itemId", equalTo("sku-1"))
                .body("refunds[1].lines", hasSize(0));

        List<ConsumerRecord<String, String>> records = events(customerId, 4);
        assertThat(types(records)).containsExactly("order.placed", "order.paid", "order.refunded", "order.refunded");

        EventEnvelope<OrderPlaced> placed = CODEC.decode(records.get(0).value(), OrderPlaced.class);
        assertThat(placed.producer()).isEqualTo("customer-profile-service");
        assertThat(placed.customerId()).isEqualTo(customerId);
        // stored, and published, to the microsecond (PostgreSQL timestamptz)
        assertThat(placed.occurredAt())
                .isEqualTo(Instant.parse((String) body.get("placedAt")).truncatedTo(ChronoUnit.MICROS));
        assertThat(placed.payload().totalAmount()).isEqualByComparingTo("115.00");
        assertThat(placed.payload().discountAmount()).isEqualByComparingTo("15.00");

        // order.paid is self-contained: consumers need not join it with order.placed
        OrderPaid paid = CODEC.decode(records.get(1).value(), OrderPaid.class).payload();
        assertThat(paid.orderId()).isEqualTo(orderId);
        assertThat(paid.paidAmount()).isEqualByComparingTo("115.00");
        assertThat(paid.discountAmount()).isEqualByComparingTo("15.00");
        assertThat(paid.currency()).isEqualTo("CNY");
        assertThat(paid.channel()).isEqualTo(Channel.MINI_PROGRAM);
        assertThat(paid.campaignId()).isEqualTo("campaign-spring");
        assertThat(paid.couponCode()).isEqualTo("WELCOME10");
        assertThat(paid.lines()).extracting(OrderLine::itemId, OrderLine::category, OrderLine::quantity)
                .containsExactly(tuple("sku-1", "beauty", 2),
                        tuple("sku-2", "apparel", 1));

        OrderRefunded partial = CODEC.decode(records.get(2).value(), OrderRefunded.class).payload();
        assertThat(partial.refundAmount()).isEqualByComparingTo("45.00");
        assertThat(partial.lines()).singleElement().satisfies(line -> {
            assertThat(line.itemId()).isEqualTo("sku-1");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.unitPrice()).isEqualByComparingTo("50.00");
        });
        OrderRefunded rest = CODEC.decode(records.get(3).value(), OrderRefunded.class).payload();
        assertThat(rest.refundAmount()).isEqualByComparingTo("70.00");
        assertThat(rest.lines()).isEmpty();
    }

    @Test
    void aCancelledOrderPublishesOrderCancelled() {
        String customerId = newId("customer");
        String orderId = placed(customerId);

        post("/orders/" + orderId + "/cancellation", cancellation()).statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancellationReason", equalTo("changed my mind"));

        List<ConsumerRecord<String, String>> records = events(customerId, 2);
        assertThat(types(records)).containsExactly("order.placed", "order.cancelled");
        OrderCancelled cancelled = CODEC.decode(records.get(1).value(), OrderCancelled.class).payload();
        assertThat(cancelled.orderId()).isEqualTo(orderId);
        assertThat(cancelled.reason()).isEqualTo("changed my mind");
    }

    @Test
    void placingTheSameOrderAgainAnswersTheOrderAndPublishesNothing() {
        String customerId = newId("customer");
        String orderId = newId("order");
        Map<String, Object> body = order(orderId, customerId);
        post("/orders", body).statusCode(201);
        assertEventTypes(customerId, "order.placed");

        // The same content, amounts written differently: still the same order.
        with(body, "lines[0].unitPrice", "50");
        with(body, "discountAmount", "10.000");
        post("/orders", body).statusCode(200)
                .body("orderId", equalTo(orderId))
                .body("status", equalTo("placed"));

        assertThat(types(eventsWithin3s(customerId))).containsExactly("order.placed");
    }

    @Test
    void theSameOrderIdWithOtherContentIsAConflict() {
        String customerId = newId("customer");
        String orderId = newId("order");
        post("/orders", order(orderId, customerId)).statusCode(201);

        problem(post("/orders", with(order(orderId, customerId), "lines[1].quantity", 2)), 409, "conflict");
        problem(post("/orders", order(orderId, newId("customer"))), 409, "conflict");

        get("/orders/" + orderId).statusCode(200).body("lines[1].quantity", equalTo(1));
    }

    @Test
    void repeatedPaymentsRefundsAndCancellationsPublishNothing() {
        String customerId = newId("customer");
        String orderId = paid(customerId);
        Map<String, Object> refund = refund("refund-1", "15.00");
        post("/orders/" + orderId + "/refunds", refund).statusCode(201);
        String cancelled = placed(customerId);
        post("/orders/" + cancelled + "/cancellation", cancellation()).statusCode(200);
        assertEventTypes(customerId, "order.placed", "order.paid", "order.refunded", "order.placed",
                "order.cancelled");

        post("/orders/" + orderId + "/payment", payment("115.00")).statusCode(200)
                .body("status", equalTo("partially_refunded"));
        post("/orders/" + orderId + "/refunds", refund).statusCode(200)
                .body("refundedAmount", equalTo(15.00f))
                .body("refunds", hasSize(1));
        post("/orders/" + cancelled + "/cancellation", cancellation()).statusCode(200)
                .body("status", equalTo("cancelled"));

        assertThat(eventsWithin3s(customerId)).hasSize(5);
    }

    @Test
    void theSameRefundIdWithOtherContentIsAConflict() {
        String customerId = newId("customer");
        String orderId = paid(customerId);
        Map<String, Object> refund = refund("refund-1", "15.00");
        post("/orders/" + orderId + "/refunds", refund).statusCode(201);

        problem(post("/orders/" + orderId + "/refunds", with(refund, "amount", "16.00")), 409, "conflict");
        with(refund, "amount", "15.00");
        problem(post("/orders/" + orderId + "/refunds", with(refund, "reason", "late")), 409, "conflict");

        get("/orders/" + orderId).statusCode(200).body("refundedAmount", equalTo(15.00f));
        assertEventTypes(customerId, "order.placed", "order.paid", "order.refunded");
        assertThat(eventsWithin3s(customerId)).hasSize(3);
    }

    @Test
    void aRefundBeforePaymentIsAConflict() {
        String customerId = newId("customer");
        String orderId = placed(customerId);

        problem(post("/orders/" + orderId + "/refunds", refund("refund-1", "10.00")), 409, "conflict")
                .body("detail", containsString("refund before payment"));
        get("/orders/" + orderId).statusCode(200).body("status", equalTo("placed")).body("refunds", hasSize(0));
    }

    @Test
    void payingACancelledOrderIsAConflict() {
        String customerId = newId("customer");
        String orderId = placed(customerId);
        post("/orders/" + orderId + "/cancellation", cancellation()).statusCode(200);

        problem(post("/orders/" + orderId + "/payment", payment(null)), 409, "conflict");
        problem(post("/orders/" + orderId + "/refunds", refund("refund-1", "10.00")), 409, "conflict");
        get("/orders/" + orderId).statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void cancellingAPaidOrderIsAConflict() {
        String customerId = newId("customer");
        String orderId = paid(customerId);

        problem(post("/orders/" + orderId + "/cancellation", cancellation()), 409, "conflict");
        get("/orders/" + orderId).statusCode(200).body("status", equalTo("paid"));
    }

    @Test
    void refundsBeyondThePaidAmountAreAConflict() {
        String customerId = newId("customer");
        String orderId = paid(customerId);

        problem(post("/orders/" + orderId + "/refunds", refund("refund-1", "115.01")), 409, "conflict");
        post("/orders/" + orderId + "/refunds", refund("refund-2", "100.00")).statusCode(201);
        problem(post("/orders/" + orderId + "/refunds", refund("refund-3", "15.01")), 409, "conflict");
        post("/orders/" + orderId + "/refunds", refund("refund-4", "15.00")).statusCode(201)
                .body("status", equalTo("refunded"));
        // fully refunded: nothing more goes back
        problem(post("/orders/" + orderId + "/refunds", refund("refund-5", "0.01")), 409, "conflict");

        get("/orders/" + orderId).statusCode(200).body("refunds.refundId", equalTo(List.of("refund-2", "refund-4")));
        assertEventTypes(customerId, "order.placed", "order.paid", "order.refunded", "order.refunded");
    }

    @Test
    void refundingMoreUnitsOfAnItemThanWereOrderedIsAConflict() {
        String customerId = newId("customer");
        String orderId = paid(customerId);
        post("/orders/" + orderId + "/refunds", with(refund("refund-1", "45.00"), "lines",
                List.of(refundLine("sku-1", 1)))).statusCode(201);

        problem(post("/orders/" + orderId + "/refunds", with(refund("refund-2", "45.00"), "lines",
                List.of(refundLine("sku-1", 2)))), 409, "conflict");
        post("/orders/" + orderId + "/refunds", with(refund("refund-3", "45.00"), "lines",
                List.of(refundLine("sku-1", 1)))).statusCode(201);
    }

    @Test
    void stepsOnAnUnknownOrderAre404() {
        String orderId = newId("order");
        problem(get("/orders/" + orderId), 404, "not-found");
        problem(post("/orders/" + orderId + "/payment", payment(null)), 404, "not-found");
        problem(post("/orders/" + orderId + "/refunds", refund("refund-1", "1.00")), 404, "not-found");
        problem(post("/orders/" + orderId + "/cancellation", cancellation()), 404, "not-found");
    }

    @Test
    void twoRefundsRacingForTheLastMoneyDoNotBothPass() throws Exception {
        String customerId = newId("customer");
        String orderId = paid(customerId);
        List<Integer> statuses = race("/orders/" + orderId + "/refunds", refund("refund-a", "60.00"),
                refund("refund-b", "60.00"));

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        get("/orders/" + orderId).statusCode(200)
                .body("refundedAmount", equalTo(60.00f))
                .body("refunds", hasSize(1));
    }

    @Test
    void twoPaymentsRacingPublishOnePayment() throws Exception {
        String customerId = newId("customer");
        String orderId = placed(customerId);
        List<Integer> statuses = race("/orders/" + orderId + "/payment", payment(null), payment(null));

        assertThat(statuses).containsExactly(200, 200);
        assertEventTypes(customerId, "order.placed", "order.paid");
        assertThat(eventsWithin3s(customerId)).hasSize(2);
    }

    @Test
    void stoppingKafkaWhileOrdersArriveLosesNone() {
        String customerId = newId("customer");
        List<String> orderIds = List.of(newId("order"), newId("order"), newId("order"), newId("order"),
                newId("order"));
        KafkaBrokerResource.broker().stop();
        try {
            for (String orderId : orderIds) {
                post("/orders", order(orderId, customerId)).statusCode(201);
            }
            // committed, waiting in the outbox for the broker
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                    .header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/admin/outbox")
                    .then().statusCode(200).extract().jsonPath().getLong("pending"))
                    .isGreaterThanOrEqualTo(orderIds.size()));
        } finally {
            KafkaBrokerResource.broker().restart();
        }

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(90))
                .until(() -> events(customerId, orderIds.size()), r -> r.size() >= orderIds.size());
        assertThat(records).extracting(r -> CODEC.decode(r.value(), OrderPlaced.class).payload().orderId())
                .containsExactlyElementsOf(orderIds);
    }

    /** Posts both bodies to {@code path} at the same moment from two threads; answers both statuses. */
    private static List<Integer> race(String path, Object first, Object second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racers = Stream.of(first, second)
                .map(body -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return post(path, body).extract().statusCode();
                }))
                .toList();
        start.countDown();
        return List.of(racers.get(0).get(30, TimeUnit.SECONDS), racers.get(1).get(30, TimeUnit.SECONDS));
    }
}
