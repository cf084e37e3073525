package io.lodestar.segmentation.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.segmentation.SegmentationApi;
import io.lodestar.segmentation.feature.SegmentationEvents;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Alerts end to end on the real broker and database: orders on {@code lodestar.orders.v1} become hourly figures, a
 * seasonal rule on live-stream orders sees them collapse, raises one alert and resolves it, on
 * {@code lodestar.alerts.v1} and at {@code GET /alerts}. Hours in March 2031 on the live-stream channel: no other test
 * writes there.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class AlertsTest {

    static final String OPERATOR = SegmentationApi.OPERATOR;
    /** A Monday 14:00 UTC: the hour the orders collapse. */
    static final Instant H = Instant.parse("2031-03-24T14:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrderFiguresRepository figures;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void anOrderCollapseRaisesExactlyOneAlertAndItsResolution() throws Exception {
        String key = "alerts-" + UUID.randomUUID(); // one key: one partition, consumed in order
        List<Map.Entry<String, String>> records = new ArrayList<>();
        // the baseline: 10 live-stream orders in each of the hours H, H+1, H+2 of the 4 previous Mondays
        for (int week = 1; week <= 4; week++) {
            for (int hour = 0; hour < 3; hour++) {
                Instant start = H.minus(Duration.ofDays(7L * week)).plus(Duration.ofHours(hour));
                for (int i = 0; i < 10; i++) {
                    records.add(Map.entry(key, paid(key, start.plusSeconds(60L * i))));
                }
            }
        }
        // this Monday: 1 order at 14:00, 2 at 15:00, 10 at 16:00 (back to normal)
        records.add(Map.entry(key, paid(key, H.plusSeconds(120))));
        String redelivered = paid(key, H.plus(Duration.ofHours(1)).plusSeconds(60));
        records.add(Map.entry(key, redelivered));
        records.add(Map.entry(key, redelivered)); // the same event twice: counted once
        records.add(Map.entry(key, "{\"type\":\"order.paid\", not json " + key)); // to the dead-letter topic
        records.add(Map.entry(key, paid(key, H.plus(Duration.ofHours(1)).plusSeconds(300))
                .replaceFirst("\\{", "{\"addedLater\":true,"))); // an unknown field: accepted
        String orderId = "o-" + UUID.randomUUID();
        records.add(Map.entry(key, paid(key, orderId, H.plus(Duration.ofHours(2)))));
        records.add(Map.entry(key, paid(key, orderId, H.plus(Duration.ofHours(2))))); // same order, new event id
        for (int i = 1; i < 10; i++) {
            records.add(Map.entry(key, paid(key, H.plus(Duration.ofHours(2)).plusSeconds(60L * i))));
        }
        KafkaTestClient.produceAll(Topics.ORDERS, records);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(paidOrders(
                H.minus(Duration.ofDays(28)), H.plus(Duration.ofHours(3)))).isEqualTo(120 + 1 + 2 + 10));
        assertThat(paidOrders(H, H.plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(paidOrders(H.plus(Duration.ofHours(1)), H.plus(Duration.ofHours(2)))).isEqualTo(2);
        // One per consumer group that decodes one by one (features, alerts); the traffic consumer's own dead letter
        // carries its dead-letter-consumer header and is left out.
        assertThat(KafkaTestClient.read(Topics.deadLetter(Topics.ORDERS), r -> key.equals(r.key())
                        && r.headers().lastHeader("dead-letter-consumer") == null,
                r -> r.size() >= 2, Duration.ofSeconds(30))).hasSize(2);

        String rule = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "Live orders collapse %s", "kind": "seasonal", "metric": "orders.paid.count",
                 "channel": "live_stream", "comparison": "below", "weeks": 4, "band": 0.4, "minBaselineWeeks": 3,
                 "minVolume": 5, "severity": "critical"}""".formatted(key))
                .post("/alert-rules").then().statusCode(201)
                .header("Location", containsString("/alert-rules/live-orders-collapse-"))
                .body("windowHours", equalTo(1)).body("resolveAfterHours", equalTo(1)).body("enabled", equalTo(true))
                .extract().path("id");

        // 14:00-15:00 closed: 1 order where the Mondays had 10
        String alertId = evaluate(rule, H.plus(Duration.ofMinutes(65))).body("action", equalTo("raised"))
                .body("verdict.outcome", equalTo("anomalous")).body("verdict.observed", equalTo(1.0f))
                .body("verdict.expected", equalTo(10.0f)).body("verdict.lower", equalTo(6.0f))
                .extract().path("alertId");
        // the same hour again (the next tick, another replica): nothing new
        evaluate(rule, H.plus(Duration.ofMinutes(66))).body("action", equalTo("already_evaluated"));
        // 15:00-16:00: still 2 of 10, the open alert is updated, no second one
        evaluate(rule, H.plus(Duration.ofMinutes(125))).body("action", equalTo("ongoing"))
                .body("alertId", equalTo(alertId)).body("verdict.observed", equalTo(2.0f));
        given().header("Authorization", OPERATOR).queryParam("ruleId", rule).queryParam("status", "open")
                .get("/alerts").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].lastObserved", equalTo(2.0f));
        // what the rule watches cannot change under an open alert
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "Live orders collapse %s", "kind": "seasonal", "metric": "orders.paid.count",
                 "channel": "app", "comparison": "below", "minVolume": 5}""".formatted(key))
                .put("/alert-rules/" + rule).then().statusCode(409).contentType("application/problem+json");
        // 16:00-17:00: 10 orders, back in range: resolved
        evaluate(rule, H.plus(Duration.ofMinutes(185))).body("action", equalTo("resolved"))
                .body("alertId", equalTo(alertId));

        given().header("Authorization", OPERATOR).queryParam("ruleId", rule).queryParam("metric", "orders.paid.count")
                .queryParam("from", H.toString()).queryParam("to", H.plus(Duration.ofHours(1)).toString())
                .get("/alerts").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", equalTo(null))
                .body("items[0].alertId", equalTo(alertId)).body("items[0].status", equalTo("resolved"))
                .body("items[0].severity", equalTo("critical")).body("items[0].dimension", equalTo("channel=live_stream"))
                .body("items[0].observed", equalTo(1.0f)).body("items[0].expected", equalTo(10.0f))
                .body("items[0].startedAt", equalTo("2031-03-24T14:00:00Z"))
                .body("items[0].resolvedAt", equalTo("2031-03-24T17:00:00Z"));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.read(Topics.ALERTS,
                r -> rule.equals(r.key()), r -> r.size() >= 2, Duration.ofSeconds(30));
        events.addAll(KafkaTestClient.readFor(Topics.ALERTS, r -> rule.equals(r.key()) && events.stream()
                .noneMatch(e -> e.offset() == r.offset() && e.partition() == r.partition()), Duration.ofSeconds(2)));
        assertThat(events).hasSize(2);
        JsonNode raised = JSON.readTree(events.get(0).value());
        JsonNode resolved = JSON.readTree(events.get(1).value());
        assertThat(raised.path("type").asText()).isEqualTo(EventType.ALERT_RAISED.typeName());
        assertThat(raised.path("payload").path("alertId").asText()).isEqualTo(alertId);
        assertThat(raised.path("payload").path("metric").asText()).isEqualTo("orders.paid.count");
        assertThat(raised.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(raised.path("payload").path("observed").asDouble()).isEqualTo(1.0);
        assertThat(raised.path("payload").path("expected").asDouble()).isEqualTo(10.0);
        assertThat(raised.path("payload").path("windowStart").asText()).isEqualTo("2031-03-24T14:00:00Z");
        assertThat(resolved.path("type").asText()).isEqualTo(EventType.ALERT_RESOLVED.typeName());
        assertThat(resolved.path("payload").path("alertId").asText()).isEqualTo(alertId);
        assertThat(resolved.path("payload").path("resolvedAt").asText()).isEqualTo("2031-03-24T17:00:00Z");

        // an open alert's rule cannot be deleted, a resolved one's can; its alert stays listed
        given().header("Authorization", OPERATOR).delete("/alert-rules/" + rule).then().statusCode(204);
        given().header("Authorization", OPERATOR).queryParam("ruleId", rule).get("/alerts").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void trafficMetricsPlugIntoTheRules() {
        // an hour 10 to 30 days back on the offline channel, which no other test uses
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS)
                .minus(240 + ThreadLocalRandom.current().nextInt(480), ChronoUnit.HOURS);
        String rule = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "Offline views spike %s", "kind": "threshold", "metric": "traffic.page_views",
                 "channel": "offline", "comparison": "above", "threshold": 20, "minVolume": 5}"""
                .formatted(UUID.randomUUID()))
                .post("/alert-rules").then().statusCode(201).extract().path("id");
        String visitor = "c-" + UUID.randomUUID();
        String[] views = new String[25];
        for (int i = 0; i < views.length; i++) {
            views[i] = SegmentationEvents.behaviour(visitor, BehaviourType.PAGE_VIEW, Channel.OFFLINE,
                    hour.plusSeconds(60L * i));
        }
        SegmentationEvents.publish(Topics.CUSTOMER_EVENTS, visitor, views);
        // An hour is judged once: wait until the traffic consumer has counted the views, then evaluate.
        String day = hour.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .queryParam("from", day).queryParam("to", day).queryParam("channel", "offline")
                .get("/analytics/traffic").then().statusCode(200).body("total.pageViews", equalTo(25)));
        evaluate(rule, hour.plus(1, ChronoUnit.HOURS)).body("action", equalTo("raised"))
                .body("verdict.observed", equalTo(25.0f));
        given().header("Authorization", OPERATOR).get("/alert-rules/metrics").then().statusCode(200)
                .body("name", hasItems("traffic.page_views", "traffic.unique_visitors"));
    }

    @Test
    void aThresholdRuleIsJudgedOnlyAboveItsMinimumVolume() {
        String rule = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "Refund rate %s", "kind": "threshold", "metric": "orders.refund.rate", "comparison": "above",
                 "threshold": 0.08, "minVolume": 20}""".formatted(UUID.randomUUID()))
                .post("/alert-rules").then().statusCode(201)
                .body("severity", equalTo("warning")).body("weeks", equalTo(null)).extract().path("id");
        given().header("Authorization", OPERATOR).get("/alert-rules").then().statusCode(200)
                .body("id", hasItem(rule));
        // an hour in 2033 nobody ordered in: no volume, quiet
        evaluate(rule, Instant.parse("2033-01-03T10:30:00Z")).body("action", equalTo("none"))
                .body("verdict.outcome", equalTo("quiet"));
        given().header("Authorization", OPERATOR).get("/alert-rules/metrics").then().statusCode(200)
                .body("name", hasItem("orders.refund.rate"));
    }

    @Test
    void badRulesAndQueriesAre400NamingTheFieldAndWriteNothing() {
        int before = given().header("Authorization", OPERATOR).get("/alert-rules").then().statusCode(200)
                .extract().path("size()");
        String name = "Bad " + UUID.randomUUID();
        rejected(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "%s", "kind": "seasonal", "metric": "orders.nonsense"}""".formatted(name))
                .post("/alert-rules"), "metric");
        rejected(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "%s", "kind": "seasonal", "metric": "orders.paid.count", "channel": "tv"}"""
                .formatted(name)).post("/alert-rules"), "channel");
        rejected(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "%s", "kind": "threshold", "metric": "orders.refund.rate", "comparison": "above"}"""
                .formatted(name)).post("/alert-rules"), "threshold");
        rejected(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "%s", "kind": "seasonal", "metric": "orders.paid.count", "weeks": 2, "minBaselineWeeks": 3}"""
                .formatted(name)).post("/alert-rules"), "minBaselineWeeks");
        rejected(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("""
                {"name": "%s", "kind": "seasonal", "metric": "orders.paid.count", "band": -1}"""
                .formatted(name)).post("/alert-rules"), "band");
        given().header("Authorization", OPERATOR).get("/alert-rules").then().statusCode(200)
                .body("size()", equalTo(before));

        rejected(given().header("Authorization", OPERATOR).queryParam("from", "2031-03-02T00:00:00Z")
                .queryParam("to", "2031-03-01T00:00:00Z").get("/alerts"), "from");
        rejected(given().header("Authorization", OPERATOR).queryParam("to", "yesterday").get("/alerts"), "to");
        rejected(given().header("Authorization", OPERATOR).queryParam("metric", "nope").get("/alerts"), "metric");
        rejected(given().header("Authorization", OPERATOR).queryParam("status", "maybe").get("/alerts"), "status");
        rejected(given().header("Authorization", OPERATOR).queryParam("cursor", "!!").get("/alerts"), "cursor");
        given().header("Authorization", OPERATOR).queryParam("asOf", "2031-03-01T00:00:00Z")
                .post("/alert-rules/no-such-rule/evaluations").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void alertsNeedTheOperatorRole() {
        given().header("Authorization", SegmentationApi.APP).get("/alerts").then().statusCode(403);
        given().header("Authorization", SegmentationApi.APP).get("/alert-rules").then().statusCode(403);
        given().get("/alerts").then().statusCode(401);
    }

    private static ValidatableResponse evaluate(String rule, Instant asOf) {
        return given().header("Authorization", OPERATOR).queryParam("asOf", asOf.toString())
                .post("/alert-rules/" + rule + "/evaluations").then().statusCode(200);
    }

    private static void rejected(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private long paidOrders(Instant from, Instant to) {
        return figures.hours("live_stream", from, to).await().atMost(Duration.ofSeconds(10)).stream()
                .mapToLong(OrderFiguresRepository.OrderHour::paidOrders).sum();
    }

    private static String paid(String customer, Instant paidAt) {
        return paid(customer, "o-" + UUID.randomUUID(), paidAt);
    }

    private static String paid(String customer, String orderId, Instant paidAt) {
        OrderLine line = new OrderLine("sku-live", "beauty", null, 1, new BigDecimal("20.00"), null);
        return SegmentationEvents.encode(EventType.ORDER_PAID, customer, new OrderPaid(orderId, customer, "EUR",
                List.of(line), new BigDecimal("20.00"), BigDecimal.ZERO, Channel.LIVE_STREAM, null, null, paidAt));
    }
}
