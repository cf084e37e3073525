package io.lodestar.recommendation.serving;

import static io.lodestar.recommendation.RecommendationApi.putItem;
import static io.lodestar.recommendation.RecommendationApi.trainToSuccess;
import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.lodestar.recommendation.RecommendationEvents.behaviour;
import static io.lodestar.recommendation.RecommendationEvents.paid;
import static io.lodestar.recommendation.RecommendationEvents.publishEvents;
import static io.lodestar.recommendation.RecommendationEvents.publishOrders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.recommendation.RecommendationEvents;
import io.lodestar.recommendation.training.ModelSet;
import io.lodestar.recommendation.training.ModelStore;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Training and serving end to end inside the service: two taste groups of customers (summer buyers take sunscreen
 * with an umbrella, parents take formula with a stroller), trained through {@code POST /models/runs}, then served.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class RecommendationServingTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SUNSCREEN = "sunscreen-" + RUN;
    private static final String UMBRELLA = "umbrella-" + RUN;
    private static final String HAT = "hat-" + RUN;
    private static final String FORMULA = "formula-" + RUN;
    private static final String STROLLER = "stroller-" + RUN;
    private static final Instant NOW = Instant.now();

    @Inject
    ModelStore store;

    private static boolean trained;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /** Once per class, but over HTTP, which only answers once the application has started (after @BeforeAll). */
    @BeforeEach
    void trainOnTwoTasteGroupsOnce() {
        if (trained) {
            return;
        }
        trained = true;
        putItem(SUNSCREEN, "sunscreen", "consumable");
        putItem(UMBRELLA, "umbrellas", "durable");
        putItem(HAT, "hats", "durable");
        putItem(FORMULA, "formula", "consumable");
        putItem(STROLLER, "strollers", "durable");
        for (int i = 0; i < 20; i++) {
            String summer = "summer-" + RUN + "-" + i;
            publishOrders(summer, paid(summer, "o-" + summer, NOW.minus(Duration.ofDays(20 + i)), SUNSCREEN, UMBRELLA,
                    i % 2 == 0 ? HAT : SUNSCREEN));
            String parent = "parent-" + RUN + "-" + i;
            publishOrders(parent, paid(parent, "o-" + parent, NOW.minus(Duration.ofDays(20 + i)), FORMULA, STROLLER));
        }
        String last = "parent-" + RUN + "-19";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + last + "/interactions").then().statusCode(200).body("size()", equalTo(2)));
        JsonPath run = trainToSuccess();
        assertThat(run.getInt("report.associationRules")).isPositive();
        // The loss is computed only with lodestar.training.als.compute-loss (off: a pass over every cell per iteration).
        assertThat(run.getMap("report")).doesNotContainKey("alsLoss");
        assertThat(run.getMap("phaseMillis")).containsKeys("load", "item-cf", "als", "rules", "store", "precompute");
        assertThat(run.getInt("report.precomputedCustomers")).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFirstTimeSummerBuyerIsOfferedTheUmbrellaThatGoesWithTheSunscreen() {
        String customer = "new-summer-" + UUID.randomUUID();
        publishOrders(customer, paid(customer, "o-" + customer, NOW.minus(Duration.ofDays(1)), SUNSCREEN));
        awaitInteractions(customer, 1);

        JsonPath response = recommend(customer, "home", null, 3);

        assertThat(response.getBoolean("coldStart")).isFalse();
        assertThat(response.getString("recommendationId")).isNotNull();
        assertThat(response.getString("items[0].itemId")).isEqualTo(UMBRELLA);
        assertThat(response.getString("items[0].reason")).isEqualTo("goes_with_first_purchase");
        assertThat(response.getList("items.itemId")).doesNotContain(SUNSCREEN); // consumable, not due yet
    }

    @Test
    void theProductPageShowsWhatIsBoughtTogetherAndTheItemEndpointsAgree() {
        JsonPath response = recommend("anyone-" + UUID.randomUUID(), "product", SUNSCREEN, 5);
        assertThat(response.getList("items.itemId")).contains(UMBRELLA).doesNotContain(SUNSCREEN);

        given().header("Authorization", APP).get("/items/" + SUNSCREEN + "/bought-together").then().statusCode(200)
                .body("itemId", hasItem(UMBRELLA)).body("itemId", not(hasItem(FORMULA)));
        given().header("Authorization", APP).get("/items/" + FORMULA + "/similar").then().statusCode(200)
                .body("[0].itemId", equalTo(STROLLER));
        given().header("Authorization", APP).queryParam("minLift", 1.5).queryParam("minConfidence", 0.5)
                .get("/rules").then().statusCode(200)
                .body("lift", everyItem(greaterThanOrEqualTo(1.5f)))
                .body("find { it.antecedent == ['" + FORMULA + "'] }.consequent", equalTo(List.of(STROLLER)));
    }

    @Test
    void trainingPrecomputesTheHomeListOfRecentlyActiveCustomers() {
        JsonPath response = recommend("summer-" + RUN + "-0", "home", null, 5);
        assertThat(response.getBoolean("cached")).isTrue();
        assertThat(response.getList("items")).isNotEmpty();
        assertThat(response.getList("items.itemId")).doesNotContain(UMBRELLA); // a durable already bought
    }

    @Test
    void impressionsAndClicksAreCreditedToTheModelThatServedTheItem() {
        String customer = "viewer-" + UUID.randomUUID();
        JsonPath response = recommend(customer, "product", SUNSCREEN, 2);
        String recommendationId = response.getString("recommendationId");
        String shown = response.getString("items[0].itemId");
        String model = response.getString("items[0].model");
        String impression = recommendationEvent(customer, BehaviourType.RECOMMENDATION_IMPRESSION, shown,
                recommendationId);
        String click = recommendationEvent(customer, BehaviourType.RECOMMENDATION_CLICK, shown, recommendationId);
        publishEvents(customer, impression, impression, click); // the impression redelivered: counted once

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/analytics/recommendations/ctr").then().statusCode(200)
                .body("rows.find { it.model == '" + model + "' && it.scene == 'product' }.clicks",
                        greaterThanOrEqualTo(1))
                .body("rows.find { it.model == '" + model + "' && it.scene == 'product' }.impressions",
                        greaterThanOrEqualTo(1)));
        given().header("Authorization", OPERATOR).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/analytics/recommendations/ctr").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void anUnknownCustomerGetsPopularItemsNotAnError() {
        JsonPath response = recommend("stranger-" + UUID.randomUUID(), "home", null, 5);
        assertThat(response.getBoolean("coldStart")).isTrue();
        assertThat(response.getList("items")).isNotEmpty();
        assertThat(response.getList("items.model", String.class)).containsOnly("popularity");
    }

    @Test
    void theCachedListIsServedUntilTheCustomerDoesSomething() {
        String customer = "cached-" + UUID.randomUUID();
        publishEvents(customer, behaviour(customer, BehaviourType.PRODUCT_VIEW, FORMULA, "formula", NOW));
        awaitInteractions(customer, 1);

        assertThat(recommend(customer, "home", null, 3).getBoolean("cached")).isFalse();
        assertThat(recommend(customer, "home", null, 3).getBoolean("cached")).isTrue();
        publishEvents(customer, behaviour(customer, BehaviourType.ADD_TO_CART, STROLLER, "strollers", NOW));
        awaitInteractions(customer, 2);
        assertThat(recommend(customer, "home", null, 3).getBoolean("cached")).isFalse();
    }

    @Test
    void anItemTheCustomerIsNotInterestedInIsNeverRecommendedAgain() {
        String customer = "picky-" + UUID.randomUUID();
        publishOrders(customer, paid(customer, "o-" + customer, NOW.minus(Duration.ofDays(1)), FORMULA));
        awaitInteractions(customer, 1);
        assertThat(recommend(customer, "home", null, 5).getList("items.itemId")).contains(STROLLER);

        given().header("Authorization", APP).put("/customers/" + customer + "/hidden-items/" + STROLLER).then()
                .statusCode(204);

        assertThat(recommend(customer, "home", null, 5).getList("items.itemId")).doesNotContain(STROLLER);
    }

    @Test
    void aRestartServesTheStoredVersionAsTrained() {
        long version = store.activeVersion().await().atMost(Duration.ofSeconds(10)).orElseThrow();
        ModelSet trained = store.load(version).await().atMost(Duration.ofSeconds(30));
        assertThat(trained).isNotNull();
        int formula = trained.index(FORMULA);
        assertThat(trained.itemId(trained.itemCf().similar(formula, 1).get(0).item())).isEqualTo(STROLLER);
        assertThat(trained.itemId(trained.boughtTogether().boughtWith(trained.index(SUNSCREEN), 5).get(0).item()))
                .isIn(UMBRELLA, HAT);
        assertThat(trained.als()).isNotNull();
        assertThat(trained.followUps()).isNotNull();
        assertThat(trained.als().itemCount()).isEqualTo(trained.itemIds().size());
    }

    @Test
    void badRequestsAreNamedAndAnUnknownItemIs404() {
        given().header("Authorization", APP).queryParam("k", 0).get("/recommendations/c").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("k"));
        given().header("Authorization", APP).queryParam("k", 101).get("/recommendations/c").then().statusCode(400);
        given().header("Authorization", APP).queryParam("scene", "checkout").get("/recommendations/c").then()
                .statusCode(400).body("violations[0].field", equalTo("scene"));
        given().header("Authorization", APP).queryParam("scene", "product").get("/recommendations/c").then()
                .statusCode(400).body("violations[0].field", equalTo("itemId"));
        given().header("Authorization", APP).queryParam("itemId", "no-such-item").get("/recommendations/c").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", APP).get("/items/no-such-item/similar").then().statusCode(404);
        given().header("Authorization", APP).queryParam("minSupport", 2).get("/rules").then().statusCode(400)
                .body("violations[0].field", equalTo("minSupport"));
        given().get("/recommendations/c").then().statusCode(401);
    }

    @Test
    void trainingIsAnOperatorJob() {
        given().header("Authorization", APP).post("/models/runs").then().statusCode(403);
        given().header("Authorization", OPERATOR).get("/models/runs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", OPERATOR).queryParam("limit", 0).get("/models/runs").then().statusCode(400);
        given().header("Authorization", OPERATOR).get("/models/runs").then().statusCode(200)
                .body("[0].id", notNullValue());
    }

    private static String recommendationEvent(String customer, BehaviourType type, String itemId,
                                              String recommendationId) {
        return RecommendationEvents.encode(io.lodestar.contracts.EventType.BEHAVIOUR_RECORDED, customer,
                new io.lodestar.contracts.behaviour.BehaviourRecorded(customer, false, type,
                        io.lodestar.contracts.Channel.APP, itemId, null, null, null, null, recommendationId, NOW,
                        java.util.Map.of()));
    }

    private static JsonPath recommend(String customer, String scene, String itemId, int k) {
        var request = given().header("Authorization", APP).queryParam("scene", scene).queryParam("k", k);
        if (itemId != null) {
            request = request.queryParam("itemId", itemId);
        }
        return request.get("/recommendations/" + customer).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitInteractions(String customer, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/interactions").then().statusCode(200)
                .body("size()", equalTo(count)));
    }
}
