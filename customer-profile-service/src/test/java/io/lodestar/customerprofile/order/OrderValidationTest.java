package io.lodestar.customerprofile.order;

import static io.lodestar.customerprofile.order.OrderApi.ABSENT;
import static io.lodestar.customerprofile.order.OrderApi.CODEC;
import static io.lodestar.customerprofile.order.OrderApi.assertEventTypes;
import static io.lodestar.customerprofile.order.OrderApi.assertInvalid;
import static io.lodestar.customerprofile.order.OrderApi.cancellation;
import static io.lodestar.customerprofile.order.OrderApi.events;
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
import static io.lodestar.customerprofile.order.OrderApi.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Bad input on every constrained field: 400 problem+json naming the field, and nothing written (the order is not
 * there or unchanged, and the next valid step of the same customer is the only event that follows).
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class OrderValidationTest {

    private static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                arguments("orderId", " ", "orderId"),
                arguments("orderId", "o".repeat(101), "orderId"),
                arguments("customerId", ABSENT, "customerId"),
                arguments("lines", ABSENT, "lines"),
                arguments("lines", List.of(), "lines"),
                arguments("lines", Collections.nCopies(PlaceOrderRequest.MAX_LINES + 1,
                        OrderApi.line("sku-1", "beauty", null, 1, "1.00", null)), "lines"),
                arguments("lines[0]", null, "lines[0]"),
                arguments("lines[0].itemId", "", "lines[0].itemId"),
                arguments("lines[0].itemId", "i".repeat(101), "lines[0].itemId"),
                arguments("lines[0].category", ABSENT, "lines[0].category"),
                arguments("lines[1].title", "t".repeat(201), "lines[1].title"),
                arguments("lines[0].quantity", 0, "lines[0].quantity"),
                arguments("lines[0].quantity", ABSENT, "lines[0].quantity"),
                arguments("lines[0].quantity", "many", "lines[0].quantity"),
                arguments("lines[1].unitPrice", "-0.01", "lines[1].unitPrice"),
                arguments("lines[1].unitPrice", ABSENT, "lines[1].unitPrice"),
                arguments("lines[1].unitPrice", "1000000000000", "lines[1].unitPrice"),
                arguments("lines[0].discount", "-1", "lines[0].discount"),
                arguments("lines[0].discount", "100.01", "lines[0].discount"),
                arguments("currency", "cny", "currency"),
                arguments("currency", "EURO", "currency"),
                arguments("currency", ABSENT, "currency"),
                arguments("discountAmount", "-0.01", "discountAmount"),
                arguments("discountAmount", "125.01", "discountAmount"),
                arguments("couponCode", "c".repeat(101), "couponCode"),
                arguments("channel", "fax", "channel"),
                arguments("campaignId", "c".repeat(101), "campaignId"),
                arguments("placedAt", ABSENT, "placedAt"),
                arguments("placedAt", "yesterday", "placedAt"),
                arguments("placedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "placedAt"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badOrders")
    void aBadOrderIs400NamingTheFieldAndNothingIsWritten(String path, Object value, String field) {
        String customerId = newId("customer");
        String orderId = newId("order");

        assertInvalid("/orders", with(order(orderId, customerId), path, value), field);

        problem(get("/orders/" + orderId), 404, "not-found");
        assertTheNextOrderIsTheOnlyEvent(customerId);
    }

    @Test
    void placedAtWithinTheClockSkewToleranceIsAccepted() {
        String customerId = newId("customer");
        post("/orders", with(order(newId("order"), customerId), "placedAt",
                Instant.now().plus(4, ChronoUnit.MINUTES).toString())).statusCode(201);
    }

    static Stream<Arguments> badPayments() {
        return Stream.of(
                arguments("paidAmount", "115.01", "paidAmount"),
                arguments("paidAmount", "-1", "paidAmount"),
                arguments("paidAt", ABSENT, "paidAt"),
                arguments("paidAt", "soon", "paidAt"),
                arguments("paidAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "paidAt"),
                arguments("paidAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(), "paidAt"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badPayments")
    void aBadPaymentIs400NamingTheFieldAndChangesNothing(String path, Object value, String field) {
        String customerId = newId("customer");
        String orderId = placed(customerId);

        assertInvalid("/orders/" + orderId + "/payment", with(payment("115.00"), path, value), field);

        get("/orders/" + orderId).statusCode(200).body("status", equalTo("placed")).body("paidAmount", nullValue());
        post("/orders/" + orderId + "/payment", payment(null)).statusCode(200);
        assertEventTypes(customerId, "order.placed", "order.paid");
    }

    static Stream<Arguments> badRefunds() {
        return Stream.of(
                arguments("refundId", ABSENT, "refundId"),
                arguments("refundId", "", "refundId"),
                arguments("refundId", "r".repeat(101), "refundId"),
                arguments("amount", ABSENT, "amount"),
                arguments("amount", "0", "amount"),
                arguments("amount", "-5", "amount"),
                arguments("amount", "0.004", "amount"),
                arguments("lines[0]", null, "lines[0]"),
                arguments("lines[0].itemId", "", "lines[0].itemId"),
                arguments("lines[0].itemId", "sku-not-ordered", "lines[0].itemId"),
                arguments("lines[0].quantity", 0, "lines[0].quantity"),
                arguments("lines[0].quantity", ABSENT, "lines[0].quantity"),
                arguments("reason", "r".repeat(501), "reason"),
                arguments("refundedAt", ABSENT, "refundedAt"),
                arguments("refundedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "refundedAt"),
                arguments("refundedAt", Instant.now().minus(45, ChronoUnit.MINUTES).toString(), "refundedAt"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badRefunds")
    void aBadRefundIs400NamingTheFieldAndChangesNothing(String path, Object value, String field) {
        String customerId = newId("customer");
        String orderId = paid(customerId);
        Map<String, Object> refund = with(refund("refund-1", "50.00"), "lines",
                new ArrayList<>(List.of(refundLine("sku-1", 1))));

        assertInvalid("/orders/" + orderId + "/refunds", with(refund, path, value), field);

        get("/orders/" + orderId).statusCode(200)
                .body("status", equalTo("paid"))
                .body("refundedAmount", equalTo(0.00f))
                .body("refunds", hasSize(0));
        post("/orders/" + orderId + "/refunds", refund("refund-2", "10.00")).statusCode(201);
        assertEventTypes(customerId, "order.placed", "order.paid", "order.refunded");
    }

    static Stream<Arguments> badCancellations() {
        return Stream.of(
                arguments("reason", "r".repeat(501), "reason"),
                arguments("cancelledAt", ABSENT, "cancelledAt"),
                arguments("cancelledAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "cancelledAt"),
                arguments("cancelledAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(), "cancelledAt"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badCancellations")
    void aBadCancellationIs400NamingTheFieldAndChangesNothing(String path, Object value, String field) {
        String customerId = newId("customer");
        String orderId = placed(customerId);

        assertInvalid("/orders/" + orderId + "/cancellation", with(cancellation(), path, value), field);

        get("/orders/" + orderId).statusCode(200).body("status", equalTo("placed"));
        post("/orders/" + orderId + "/cancellation", cancellation()).statusCode(200);
        assertEventTypes(customerId, "order.placed", "order.cancelled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1"})
    void aLimitOutside1To200Is400NamingLimit(String limit) {
        problem(RestAssured.given().header("Authorization", OrderApi.APP).queryParam("limit", limit)
                .get("/customers/" + newId("customer") + "/orders").then(), 400, "validation")
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void aMalformedLimitOrCursorIs400() {
        problem(RestAssured.given().header("Authorization", OrderApi.APP).queryParam("limit", "many")
                .get("/customers/" + newId("customer") + "/orders").then(), 400, "malformed-parameter");
        problem(RestAssured.given().header("Authorization", OrderApi.APP).queryParam("cursor", "not-a-cursor!")
                .get("/customers/" + newId("customer") + "/orders").then(), 400, "validation")
                .body("violations[0].field", equalTo("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/orders/o-1/payment", "/orders/o-1/refunds", "/orders/o-1/cancellation"})
    void malformedJsonIs400(String path) {
        problem(post(path, "{\"orderId\": "), 400, "malformed-json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/orders/o-1/payment", "/orders/o-1/refunds", "/orders/o-1/cancellation"})
    void aMissingBodyIs400(String path) {
        problem(RestAssured.given().header("Authorization", OrderApi.APP).contentType(ContentType.JSON)
                .post(path).then(), 400, "validation");
    }

    @Test
    void withoutATokenEveryOrderEndpointIs401() {
        String customerId = newId("customer");
        String orderId = newId("order");
        problem(post("/orders", order(orderId, customerId), null), 401, "unauthorized");
        problem(RestAssured.given().get("/orders/" + orderId).then(), 401, "unauthorized");
        problem(RestAssured.given().get("/customers/" + customerId + "/orders").then(), 401, "unauthorized");
        problem(get("/orders/" + orderId), 404, "not-found");
    }

    @Test
    void operatorsReadOrdersButCannotWriteThem() {
        String customerId = newId("customer");
        String refused = newId("order");
        problem(post("/orders", order(refused, customerId), OPERATOR), 403, "forbidden");
        problem(get("/orders/" + refused), 404, "not-found");

        String orderId = placed(customerId);
        problem(post("/orders/" + orderId + "/payment", payment(null), OPERATOR), 403, "forbidden");
        problem(post("/orders/" + orderId + "/refunds", refund("refund-1", "1.00"), OPERATOR), 403, "forbidden");
        problem(post("/orders/" + orderId + "/cancellation", cancellation(), OPERATOR), 403, "forbidden");

        RestAssured.given().header("Authorization", OPERATOR).get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("placed"));
        RestAssured.given().header("Authorization", OPERATOR).get("/customers/" + customerId + "/orders").then()
                .statusCode(200).body("items.orderId", equalTo(List.of(orderId)));
        post("/orders/" + orderId + "/cancellation", cancellation(), TestTokens.bearer(Roles.ADMIN)).statusCode(200);
        assertEventTypes(customerId, "order.placed", "order.cancelled");
    }

    /**
     * One customer's events share a partition and leave the outbox in commit order: if the valid order placed now
     * is the first event of the customer, the rejected request before it published nothing.
     */
    private static void assertTheNextOrderIsTheOnlyEvent(String customerId) {
        String marker = newId("order");
        post("/orders", order(marker, customerId)).statusCode(201);
        List<ConsumerRecord<String, String>> records = events(customerId, 1);
        assertThat(records).extracting(r -> CODEC.decode(r.value(), OrderPlaced.class).payload().orderId())
                .containsExactly(marker);
    }
}
