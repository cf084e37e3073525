package io.lodestar.recommendation.trend;

import static io.lodestar.recommendation.RecommendationApi.putItem;
import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.lodestar.recommendation.RecommendationEvents.behaviour;
import static io.lodestar.recommendation.RecommendationEvents.paid;
import static io.lodestar.recommendation.RecommendationEvents.publishAll;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.product.ItemTrending;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class TrendingTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    TrendingService service;

    @Inject
    Pool pool;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void anItemWhoseHeatRoseIsPublishedOnceAndAFlatItemIsNot() {
        String run = UUID.randomUUID().toString();
        String category = "trend-" + run;
        String rising = "sku-rising-" + run;
        String flat = "sku-flat-" + run;
        putItem(rising, category, "consumable");
        putItem(flat, category, "consumable");
        Instant now = Instant.now();
        Instant current = now.minus(Duration.ofHours(1));
        Instant previous = now.minus(Duration.ofHours(25));

        // rising: 20 views yesterday (heat 20); 20 views, 3 carts and 2 orders in the last hour (20 + 9 + 10 = 39)
        String risingCustomer = "c-rising-" + run;
        List<String> risingEvents = new ArrayList<>();
        risingEvents.addAll(views(risingCustomer, rising, category, previous, 20));
        risingEvents.addAll(views(risingCustomer, rising, category, current, 20));
        risingEvents.addAll(Collections.nCopies(3, null).stream().map(ignored -> behaviour(risingCustomer,
                BehaviourType.ADD_TO_CART, rising, category, current)).toList());
        publishAll(Topics.CUSTOMER_EVENTS, risingCustomer, risingEvents);
        publishAll(Topics.ORDERS, risingCustomer, List.of(paid(risingCustomer, "o1-" + run, current, rising),
                paid(risingCustomer, "o2-" + run, current, rising)));
        // flat: 25 views in each window, heat above the minimum but no growth
        String flatCustomer = "c-flat-" + run;
        List<String> flatEvents = new ArrayList<>(views(flatCustomer, flat, category, previous, 25));
        flatEvents.addAll(views(flatCustomer, flat, category, current, 25));
        publishAll(Topics.CUSTOMER_EVENTS, flatCustomer, flatEvents);
        awaitInteractions(risingCustomer, 45);
        awaitInteractions(flatCustomer, 50);

        JsonPath first = detect();
        assertThat(first.getList("published.itemId", String.class)).contains(rising).doesNotContain(flat);
        String report = reportOf(rising);
        assertThat(first.getDouble(report + "heat")).isEqualTo(39.0);
        assertThat(first.getDouble(report + "previousHeat")).isEqualTo(20.0);
        assertThat(first.getDouble(report + "growth")).isCloseTo(0.95, within(1e-6));
        assertThat(first.getBoolean(report + "newItem")).isFalse();
        assertThat(first.getInt(report + "windowHours")).isEqualTo(24);
        assertThat(first.getInt("itemsWithHeat")).isGreaterThanOrEqualTo(2);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(Topics.PRODUCT_TRENDS,
                record -> rising.equals(record.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        EventEnvelope<ItemTrending> event = CODEC.decode(records.get(0).value(), ItemTrending.class);
        assertThat(event.type()).isEqualTo(EventType.PRODUCT_TRENDING.typeName());
        assertThat(event.customerId()).as("not about one customer").isNull();
        assertThat(event.producer()).isEqualTo("recommendation-service");
        ItemTrending trending = event.payload();
        assertThat(trending.itemId()).isEqualTo(rising);
        assertThat(trending.category()).isEqualTo(category);
        assertThat(trending.score()).isEqualTo(39.0);
        assertThat(trending.growth()).isCloseTo(0.95, within(1e-9));
        assertThat(trending.windowHours()).isEqualTo(24);
        assertThat(trending.detectedAt()).isEqualTo(Instant.parse(first.getString("detectedAt")));

        // The same window: the item is still trending but already reported, so nothing new is enqueued for it.
        JsonPath second = detect();
        assertThat(second.getList("published.itemId", String.class)).doesNotContain(rising, flat);
        assertThat(second.getInt("alreadyReported")).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ADMIN)
                .get("/admin/outbox").then().statusCode(200).body("pending", equalTo(0)));
        assertThat(KafkaTestClient.read(Topics.PRODUCT_TRENDS,
                record -> rising.equals(record.key()) || flat.equals(record.key()), found -> found.size() > 1,
                Duration.ofSeconds(15))).as("one record, for the rising item only").hasSize(1);

        JsonPath listed = given().header("Authorization", APP).queryParam("category", category)
                .get("/trending").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("itemId", String.class)).containsExactly(rising);
        assertThat(listed.getDouble("[0].heat")).isEqualTo(39.0);
        assertThat(listed.getDouble("[0].previousHeat")).isEqualTo(20.0);
        assertThat(listed.getDouble("[0].growth")).isCloseTo(0.95, within(1e-6));
        assertThat(listed.getString("[0].category")).isEqualTo(category);
        assertThat(given().header("Authorization", OPERATOR).get("/trending?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("itemId", String.class)).contains(rising).doesNotContain(flat);
    }

    @Test
    void anItemWithoutPreviousHeatIsNewAndOneBelowTheMinimumIsNot() {
        String run = UUID.randomUUID().toString();
        String category = "trend-new-" + run;
        String fresh = "sku-new-" + run;
        String quiet = "sku-quiet-" + run;
        Instant current = Instant.now().minus(Duration.ofMinutes(30));
        String customer = "c-new-" + run;
        List<String> events = new ArrayList<>(views(customer, fresh, category, current, 20));
        events.addAll(views(customer, quiet, category, current, 19));
        publishAll(Topics.CUSTOMER_EVENTS, customer, events);
        awaitInteractions(customer, 39);

        JsonPath detection = detect();
        assertThat(detection.getList("published.itemId", String.class)).contains(fresh).doesNotContain(quiet);
        String report = reportOf(fresh);
        assertThat(detection.getBoolean(report + "newItem")).isTrue();
        assertThat(detection.getDouble(report + "heat")).isEqualTo(20.0);
        assertThat(detection.getDouble(report + "previousHeat")).isZero();
        assertThat(detection.getDouble(report + "growth")).isEqualTo(Trending.NEW_ITEM_GROWTH);
    }

    @Test
    @RunOnVertxContext
    void aScheduledDetectionSkipsItsTurnWhileAnotherReplicaHoldsTheLock(UniAsserter asserter) {
        // "another replica": a transaction on a connection of its own that holds the detection lock
        asserter.assertThat(() -> pool.getConnection().chain(connection -> connection.begin().chain(transaction ->
                        connection.query("SELECT pg_advisory_xact_lock(" + TrendRepository.DETECTION_LOCK + ")")
                                .execute()
                                .chain(() -> service.detectUnlessRunningElsewhere())
                                .eventually(() -> transaction.rollback().eventually(connection::close)))),
                skipped -> assertThat(skipped).as("skipped while the lock is held").isEmpty());
        asserter.assertThat(() -> service.detectUnlessRunningElsewhere(),
                ran -> assertThat(ran).as("runs once the lock is free").isPresent());
    }

    @Test
    void badParametersAreProblems() {
        problem(given().header("Authorization", APP).get("/trending?limit=0").then(), 400)
                .body("violations[0].field", equalTo("limit"));
        problem(given().header("Authorization", APP).get("/trending?limit=101").then(), 400)
                .body("violations[0].field", equalTo("limit"));
        problem(given().header("Authorization", APP).queryParam("category", " ").get("/trending").then(), 400)
                .body("violations[0].field", equalTo("category"));
        problem(given().header("Authorization", APP).get("/trending?limit=many").then(), 400);
        problem(given().get("/trending").then(), 401);
        problem(given().header("Authorization", APP).post("/trending/detections").then(), 403);
    }

    /** The JSON path prefix of one item's report in a detection. */
    private static String reportOf(String itemId) {
        return "published.find { it.itemId == '" + itemId + "' }.";
    }

    private static JsonPath detect() {
        return given().header("Authorization", OPERATOR).post("/trending/detections").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> views(String customer, String item, String category, Instant at, int count) {
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(behaviour(customer, BehaviourType.PRODUCT_VIEW, item, category, at.plusSeconds(i)));
        }
        return events;
    }

    private static void awaitInteractions(String customer, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/interactions?limit=1000").then().statusCode(200)
                .body("size()", equalTo(count)));
    }
}
