package io.lodestar.segmentation.run;

import static io.lodestar.segmentation.SegmentationApi.APP;
import static io.lodestar.segmentation.SegmentationApi.OPERATOR;
import static io.lodestar.segmentation.SegmentationApi.awaitPaidOrders;
import static io.lodestar.segmentation.SegmentationApi.createModel;
import static io.lodestar.segmentation.SegmentationApi.runToSuccess;
import static io.lodestar.segmentation.feature.SegmentationEvents.paid;
import static io.lodestar.segmentation.feature.SegmentationEvents.publishOrders;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.EventCodec;
import io.lodestar.segmentation.SegmentationApi;
import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.segment.SegmentEntered;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class SegmentationRunTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys redisKeys;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void aRunScoresEveryModelTagsCustomersInRedisAndPublishesOnlyWhatChanged() {
        String model = createModel("{\"name\":\"Run test %s\",\"scheme\":\"threshold\",\"asOf\":\"%s\",\"highLow\":"
                .formatted(UUID.randomUUID(), AS_OF) + "{\"recency\":3,\"frequency\":2,\"monetary\":2}}");
        String loyal = "c-" + UUID.randomUUID();
        String lapsed = "c-" + UUID.randomUUID();
        // loyal: 10 days ago, 3 orders, 2,400 → R4 F2 M3 → H H H (cuts 3, 2, 2) = important value
        publishOrders(loyal, paid(loyal, "a-" + loyal, "1000.00", "beauty", AS_OF.minus(Duration.ofDays(40))),
                paid(loyal, "b-" + loyal, "900.00", "beauty", AS_OF.minus(Duration.ofDays(20))),
                paid(loyal, "c-" + loyal, "500.00", "shoes", AS_OF.minus(Duration.ofDays(10)).minusSeconds(60)));
        // lapsed: 200 days ago, 1 order, 80 → R1 F1 M1 → L L L = general win-back
        publishOrders(lapsed, paid(lapsed, "a-" + lapsed, "80.00", "toys", AS_OF.minus(Duration.ofDays(200))));
        awaitPaidOrders(loyal, 3);
        awaitPaidOrders(lapsed, 1);

        RunView first = runToSuccess();
        assertThat(first.distribution()).containsKey("rfm:" + model);
        assertThat(first.phaseMillis()).containsKeys("rfm", "lifecycle", "diff", "redis", "memberships", "switch");

        // Other tests' customers are scored too: page through all and pick these two.
        Map<String, Map<String, Object>> scores = SegmentationApi.scoresOf(model, Set.of(loyal, lapsed));
        assertThat(scores.get(loyal)).containsEntry("group", "important-value").containsEntry("recencyDays", 10)
                .containsEntry("frequency", 3).containsEntry("code", "HHH");
        assertThat(((Number) scores.get(loyal).get("monetary")).doubleValue()).isEqualTo(2400.0);
        assertThat(scores.get(lapsed)).containsEntry("group", "general-win-back");
        String csv = given().header("Authorization", OPERATOR).accept("text/csv").get("/rfm-models/" + model
                + "/scores").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("customerId,recency,frequency,monetary,recencyScore,frequencyScore,monetaryScore,"
                + "code,class\n").contains(loyal + ",10,3,2400.00,4,2,3,HHH,important-value\n",
                lapsed + ",200,1,80.00,1,1,1,LLL,general-win-back\n");

        var distribution = given().header("Authorization", OPERATOR).get("/analytics/rfm?model=" + model).then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> groups = distribution.getList("groups");
        assertThat(groups).extracting(g -> g.get("group")).contains("important-value", "general-win-back");
        assertThat(groups.stream().mapToLong(g -> ((Number) g.get("customers")).longValue()).sum())
                .isEqualTo(distribution.getLong("customers"));
        assertThat(groups.stream().mapToDouble(g -> ((Number) g.get("share")).doubleValue()).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6)); // JsonPath reads floats
        assertThat(groups).filteredOn(g -> "important-value".equals(g.get("group"))).singleElement()
                .satisfies(g -> assertThat(g.get("displayName")).isEqualTo("important value"));
        problem(given().header("Authorization", OPERATOR).get("/analytics/rfm").then(), 400)
                .body("violations.field", hasItem("model"));
        problem(given().header("Authorization", OPERATOR).get("/analytics/rfm?model=none-" + UUID.randomUUID())
                .then(), 404);

        given().header("Authorization", APP).get("/customers/" + loyal + "/segments").then().statusCode(200)
                .body("source", equalTo("redis")).body("version", equalTo(first.tagsVersion().intValue()))
                .body("tags.'rfm:" + model + "'", equalTo("important-value"))
                .body("tags.'rfm:" + model + ":code'", equalTo("HHH"))
                .body("tags.'rfm:" + model + ":scores'", equalTo("4,2,3"))
                .body("tags.lifecycle", notNullValue());

        List<SegmentEntered> entered = entries(loyal, r -> r.size() >= 2);
        assertThat(entered).extracting(SegmentEntered::segmentId).contains("rfm:" + model + "=important-value");
        assertThat(entered).filteredOn(e -> e.segmentId().startsWith("rfm:" + model)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("R 10 days", "F 3 paid orders", "HHH"));

        // Nothing changed for these two: a second run publishes nothing more about them.
        RunView second = runToSuccess();
        assertThat(second.tagsVersion()).isEqualTo(first.tagsVersion() + 1);
        assertThat(second.transitions().get("rfm:" + model)).containsEntry("important-value -> important-value",
                second.distribution().get("rfm:" + model).get("important-value"));
        assertThat(KafkaTestClient.readFor(Topics.SEGMENT_MEMBERSHIP, r -> loyal.equals(r.key()),
                Duration.ofSeconds(3))).hasSize(entered.size());

        // Redis restarted (it keeps nothing on disk): no version, no hashes. The same tags come from PostgreSQL.
        redis.key(String.class).del(redisKeys.key(RedisKeyspace.segmentTagsVersion()),
                redisKeys.key(RedisKeyspace.segmentTags(second.tagsVersion(), loyal)));
        given().header("Authorization", APP).get("/customers/" + loyal + "/segments").then().statusCode(200)
                .body("source", equalTo("database"))
                .body("tags.'rfm:" + model + "'", equalTo("important-value"))
                .body("tags.'rfm:" + model + ":code'", equalTo("HHH"));
    }

    @Test
    void aRunClustersPayingCustomersAndPredictsChurnFromTheirHistory() {
        Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> stayers = new java.util.ArrayList<>();
        List<String> churners = new java.util.ArrayList<>();
        List<java.util.Map.Entry<String, String>> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String stayer = "stay-" + tag + "-" + i;
            String churner = "churn-" + tag + "-" + i;
            stayers.add(stayer);
            churners.add(churner);
            // Stayers order every 20 days up to last week; churners stopped 250 days before asOf.
            for (int day = 400 - i % 7; day >= 5; day -= 20) {
                orders.add(java.util.Map.entry(stayer, paid(stayer, "o-" + stayer + "-" + day, (150 + i) + ".00",
                        "beauty", asOf.minus(Duration.ofDays(day)))));
            }
            for (int day = 400 - i % 7; day >= 250; day -= 20) {
                orders.add(java.util.Map.entry(churner, paid(churner, "o-" + churner + "-" + day, (40 + i) + ".00",
                        "toys", asOf.minus(Duration.ofDays(day)))));
            }
        }
        KafkaTestClient.produceAll(Topics.ORDERS, orders);
        await().atMost(Duration.ofSeconds(120)).until(() -> pool.preparedQuery(
                        "SELECT count(*) FROM paid_order WHERE customer_id LIKE $1 OR customer_id LIKE $2")
                .execute(Tuple.of("stay-" + tag + "%", "churn-" + tag + "%")).await().indefinitely()
                .iterator().next().getLong(0) == orders.size());

        RunView run = runToSuccess(asOf);
        assertThat(run.clustering()).containsKeys("chosenK", "quality", "profiles", "stability");
        assertThat(((Number) run.clustering().get("chosenK")).intValue()).isBetween(5, 8);
        assertThat(run.churn()).containsKeys("training", "holdout");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> holdout = (java.util.Map<String, Object>) run.churn().get("holdout");
        assertThat(((Number) holdout.get("auc")).doubleValue()).isGreaterThan(0.9);

        for (String stayer : stayers.subList(0, 3)) {
            given().header("Authorization", APP).get("/customers/" + stayer + "/segments").then().statusCode(200)
                    .body("tags.cluster", notNullValue()).body("tags.'cluster:name'", notNullValue())
                    .body("tags.churn", equalTo("low"));
        }
        for (String churner : churners.subList(0, 3)) {
            given().header("Authorization", APP).get("/customers/" + churner + "/segments").then().statusCode(200)
                    .body("tags.churn", equalTo("high")).body("tags.lifecycle", equalTo("lapsed"));
        }
    }

    @Test
    void aSecondRunWhileOneIsRunningIs409() {
        UUID running = UUID.randomUUID();
        pool.preparedQuery("""
                INSERT INTO segmentation_run (run_id, status, trigger, as_of, started_at, heartbeat_at)
                VALUES ($1, 'running', 'manual', now(), now(), now())""").execute(Tuple.of(running))
                .await().indefinitely();
        try {
            problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
                    .post("/segmentation/runs").then(), 409);
        } finally {
            pool.preparedQuery("DELETE FROM segmentation_run WHERE run_id = $1").execute(Tuple.of(running))
                    .await().indefinitely();
        }
    }

    @Test
    void badRunRequestsAre400AndUnknownRuns404() {
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"asOf\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}").post("/segmentation/runs")
                .then(), 400).body("violations.field", hasItem("asOf"));
        problem(given().header("Authorization", OPERATOR).get("/segmentation/runs/" + UUID.randomUUID()).then(), 404);
        problem(given().header("Authorization", OPERATOR).get("/segmentation/runs/not-a-uuid").then(), 400);
        problem(given().header("Authorization", OPERATOR).get("/segmentation/runs?limit=0").then(), 400)
                .body("violations.field", hasItem("limit"));
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{}").post("/segmentation/runs")
                .then().statusCode(403);
    }

    @Test
    void aCustomerWithoutTagsGetsAnEmptyMap() {
        given().header("Authorization", APP).get("/customers/nobody-" + UUID.randomUUID() + "/segments").then()
                .statusCode(200).body("tags.size()", equalTo(0));
        given().get("/customers/anyone/segments").then().statusCode(401);
    }

    private static List<SegmentEntered> entries(String customer,
                                                java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
        return KafkaTestClient.read(Topics.SEGMENT_MEMBERSHIP, r -> customer.equals(r.key()), enough,
                        Duration.ofSeconds(30)).stream()
                .filter(r -> r.value().contains("\"segment.entered\""))
                .map(r -> CODEC.decode(r.value(), SegmentEntered.class).payload())
                .toList();
    }
}
