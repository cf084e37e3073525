package io.lodestar.recommendation.evaluation;

import static io.lodestar.recommendation.RecommendationApi.evaluateToSuccess;
import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.lodestar.recommendation.RecommendationEvents.paid;
import static io.lodestar.recommendation.RecommendationEvents.publishOrders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Offline evaluation as a job, end to end: two taste groups of five items each (every customer bought three of their
 * group's items long ago and a fourth one in the last days) among forty unrelated items, evaluated through
 * {@code POST /evaluations}. On such data a collaborative model finds the fourth item and a random list rarely does.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class EvaluationResourceTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Instant NOW = Instant.now();
    private static final int GROUP_ITEMS = 5;
    private static final int CUSTOMERS_PER_GROUP = 20;
    private static final int FILLER_ITEMS = 40;

    @Inject
    Pool pool;

    private static JsonPath timeSplit;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /** Once per class, over HTTP (which only answers once the application has started, after @BeforeAll). */
    @BeforeEach
    void seedAndEvaluateOnce() {
        if (timeSplit != null) {
            return;
        }
        int orders = 0;
        for (String group : List.of("summer", "parent")) {
            for (int i = 0; i < CUSTOMERS_PER_GROUP; i++) {
                String customer = group + "-" + RUN + "-" + i;
                String[] bought = new String[3];
                for (int j = 0; j < 3; j++) {
                    bought[j] = item(group, i + j);
                }
                publishOrders(customer,
                        paid(customer, "old-" + customer, NOW.minus(Duration.ofDays(40 + i)), bought),
                        paid(customer, "new-" + customer, NOW.minus(Duration.ofDays(3)), item(group, i + 3)));
                orders += 2;
            }
        }
        // Unrelated items, each bought by two customers long ago: a catalogue in which random guessing is poor.
        for (int f = 0; f < FILLER_ITEMS; f++) {
            String customer = "filler-" + RUN + "-" + f;
            publishOrders(customer, paid(customer, "o-" + customer, NOW.minus(Duration.ofDays(50)),
                    "filler-" + RUN + "-" + f, "filler-" + RUN + "-" + ((f + 1) % FILLER_ITEMS)));
            orders++;
        }
        int expectedRows = 2 * CUSTOMERS_PER_GROUP * 4 + 2 * FILLER_ITEMS;
        await().atMost(Duration.ofSeconds(60)).until(() -> interactionsOfThisRun() == expectedRows);
        assertThat(orders).isPositive();

        timeSplit = evaluateToSuccess(Map.of("split", "time", "ks", List.of(20, 10)));
    }

    @Test
    void theTableListsEveryModelAndTheBaselinesWithMetricsPerK() {
        assertThat(timeSplit.getString("request.split")).isEqualTo("time");
        assertThat(timeSplit.getInt("request.testDays")).isEqualTo(30);
        assertThat(timeSplit.getList("request.ks", Integer.class)).containsExactly(10, 20);
        assertThat(timeSplit.getInt("progress")).isEqualTo(100);
        assertThat(timeSplit.getMap("phaseMillis")).containsKeys("load", "split", "evaluate");
        assertThat(timeSplit.getList("result.models.model", String.class))
                .startsWith("popularity", "random").contains("item-cf", "als", "association");
        for (String model : List.of("popularity", "random", "item-cf", "als", "association")) {
            String row = "result.models.find { it.model == '" + model + "' }";
            assertThat(timeSplit.getList(row + ".metrics.k", Integer.class)).as(model).containsExactly(10, 20);
            assertThat(timeSplit.getInt(row + ".usersEvaluated")).as(model)
                    .isGreaterThanOrEqualTo(2 * CUSTOMERS_PER_GROUP);
            assertThat(timeSplit.getInt(row + ".coverageK")).isEqualTo(20);
            assertThat(timeSplit.getDouble(row + ".coverage")).isBetween(0.0, 1.0);
            assertThat(timeSplit.getDouble(row + ".longTailShare")).isBetween(0.0, 1.0);
            assertThat(timeSplit.getDouble(row + ".metrics[0].precision")).isBetween(0.0, 1.0);
        }
        assertThat(timeSplit.getInt("result.split.evaluatedCustomers")).isGreaterThanOrEqualTo(
                2 * CUSTOMERS_PER_GROUP);
    }

    @Test
    void onStructuredDataACollaborativeModelBeatsRandomOnRecallAtTen() {
        double random = recallAt10(timeSplit, "random");
        double best = Math.max(recallAt10(timeSplit, "item-cf"), recallAt10(timeSplit, "als"));
        assertThat(best).as("best of item-cf and als vs random %.3f", random).isGreaterThan(random);
        // Each group customer's test item is one of the two group items they have not bought: item-CF finds it.
        assertThat(recallAt10(timeSplit, "item-cf")).isGreaterThan(0.5);
    }

    @Test
    void leaveLastOutIsTheOtherSplitAndTheListIsNewestFirst() {
        JsonPath leaveLastOut = evaluateToSuccess(Map.of("split", "leave-last-out"));
        assertThat(leaveLastOut.getString("request.split")).isEqualTo("leave-last-out");
        assertThat(leaveLastOut.getString("request.testDays")).isNull();
        assertThat(leaveLastOut.getList("request.ks", Integer.class)).containsExactly(10, 20);
        assertThat(leaveLastOut.getList("result.models.model", String.class)).contains("item-cf", "als", "random");
        assertThat(recallAt10(leaveLastOut, "item-cf")).isGreaterThan(recallAt10(leaveLastOut, "random"));

        List<String> ids = given().header("Authorization", OPERATOR).get("/evaluations").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(ids).contains(timeSplit.getString("id"));
        assertThat(ids.get(0)).isEqualTo(leaveLastOut.getString("id"));
        given().header("Authorization", OPERATOR).queryParam("limit", 1).get("/evaluations").then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void theStartAnswers202WithTheJobAndItsLocation() {
        Response started = await().atMost(Duration.ofSeconds(120)).until(() -> given()
                .header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("testDays", 7, "ks", List.of(5))).post("/evaluations"), r -> r.statusCode() != 409);
        started.then().statusCode(202)
                .header("Location", endsWith("/evaluations/" + started.path("id")))
                .body("status", equalTo("running")).body("request.split", equalTo("time"))
                .body("request.testDays", equalTo(7)).body("request.ks", equalTo(List.of(5)));
        // Let it finish, so that it does not make another test's start wait.
        await().atMost(Duration.ofSeconds(180)).until(() -> runningEvaluations() == 0);
    }

    @Test
    void aSecondEvaluationWhileOneIsRunningIs409() {
        await().atMost(Duration.ofSeconds(180)).until(() -> runningEvaluations() == 0);
        UUID running = UUID.randomUUID();
        pool.preparedQuery("""
                INSERT INTO evaluation (evaluation_id, status, request, started_at, heartbeat_at)
                VALUES ($1, 'running', '{}'::jsonb, now(), now())""").execute(Tuple.of(running))
                .await().atMost(Duration.ofSeconds(10));
        try {
            given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}").post("/evaluations")
                    .then().statusCode(409).contentType("application/problem+json");
        } finally {
            pool.preparedQuery("UPDATE evaluation SET status = 'failed', finished_at = now() WHERE evaluation_id = $1")
                    .execute(Tuple.of(running)).await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void badRequestsAreNamedAndNothingIsStarted() {
        long before = evaluations();
        badRequest(Map.of("split", "k-fold"), "split");
        badRequest(Map.of("testDays", 0), "testDays");
        badRequest(Map.of("testDays", 366), "testDays");
        badRequest(Map.of("split", "leave-last-out", "testDays", 7), "testDays");
        badRequest(Map.of("ks", List.of()), "ks");
        badRequest(Map.of("ks", List.of(0)), "ks[0]");
        badRequest(Map.of("ks", List.of(10, 101)), "ks[1]");
        badRequest(Map.of("ks", List.of(1, 2, 3, 4, 5, 6)), "ks");
        badRequest(Map.of("testDays", "soon"), "testDays");
        assertThat(evaluations()).as("no evaluation was recorded").isEqualTo(before);
    }

    @Test
    void anUnknownEvaluationIs404AndEvaluatingIsForOperators() {
        given().header("Authorization", OPERATOR).get("/evaluations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", OPERATOR).get("/evaluations/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", OPERATOR).queryParam("limit", 0).get("/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{}").post("/evaluations").then()
                .statusCode(403);
        given().header("Authorization", APP).get("/evaluations").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/evaluations").then().statusCode(401);
    }

    private static void badRequest(Map<String, ?> body, String field) {
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body).post("/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    private static double recallAt10(JsonPath evaluation, String model) {
        return evaluation.getDouble("result.models.find { it.model == '" + model + "' }.metrics.find { it.k == 10 }"
                + ".recall");
    }

    /** Item i (mod 5) of a taste group. */
    private static String item(String group, int i) {
        return group + "-item-" + RUN + "-" + (i % GROUP_ITEMS);
    }

    private long interactionsOfThisRun() {
        return pool.preparedQuery("SELECT count(*) FROM interaction WHERE item_id LIKE $1")
                .execute(Tuple.of("%" + RUN + "%")).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private long evaluations() {
        return pool.query("SELECT count(*) FROM evaluation").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private long runningEvaluations() {
        return pool.query("SELECT count(*) FROM evaluation WHERE status = 'running'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
