package io.lodestar.recommendation.analytics;

import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.lodestar.recommendation.RecommendationEvents.behaviour;
import static io.lodestar.recommendation.RecommendationEvents.paid;
import static io.lodestar.recommendation.RecommendationEvents.publishEvents;
import static io.lodestar.recommendation.RecommendationEvents.publishOrders;
import static io.lodestar.recommendation.RecommendationEvents.refunded;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Events and orders in through the real broker, product figures out at {@code /analytics/products}. The figures live
 * in May 2024, a period no other test writes to, so the period's total revenue is this test's own.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ProductAnalyticsTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CATEGORY = "kettles-" + RUN;
    private static final String A = "a-" + RUN;
    private static final String B = "b-" + RUN;
    private static final String STALE = "s-" + RUN;
    private static final String CUSTOMER = "c-" + RUN;
    private static final Instant PREVIOUS = Instant.parse("2024-05-08T12:00:00Z");
    private static final Instant DAY1 = Instant.parse("2024-05-10T23:59:00Z");
    private static final Instant DAY2 = Instant.parse("2024-05-11T08:00:00Z");

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /** Once per class, when the application is up (rest-assured knows its port only then). */
    @BeforeEach
    void eventsAndOrders() {
        if (ready) {
            return;
        }
        putItem(A, Map.of("cost", 4, "stockQuantity", 50));
        putItem(B, Map.of());
        putItem(STALE, Map.of("stockQuantity", 7));

        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(behaviour(CUSTOMER, BehaviourType.PRODUCT_VIEW, A, CATEGORY, DAY1));
        }
        events.add(behaviour(CUSTOMER, BehaviourType.ADD_TO_CART, A, CATEGORY, DAY1));
        events.add(behaviour(CUSTOMER, BehaviourType.RECOMMENDATION_IMPRESSION, A, CATEGORY, DAY1));
        events.add(behaviour(CUSTOMER, BehaviourType.RECOMMENDATION_IMPRESSION, A, CATEGORY, DAY1));
        events.add(behaviour(CUSTOMER, BehaviourType.RECOMMENDATION_CLICK, A, CATEGORY, DAY1));
        events.add(behaviour(CUSTOMER, BehaviourType.PRODUCT_VIEW, B, CATEGORY, DAY1));
        List<String> orders = List.of(paid(CUSTOMER, "o0-" + RUN, PREVIOUS, B),
                paid(CUSTOMER, "o1-" + RUN, DAY1, A, A, B));
        String refund = refunded(CUSTOMER, "o1-" + RUN, DAY2);
        EVENTS.addAll(events);
        ORDERS.addAll(orders);
        ORDERS.add(refund);
        publishEvents(CUSTOMER, events.toArray(String[]::new));
        publishOrders(CUSTOMER, orders.toArray(String[]::new));
        // The refund names no lines: it needs the paid order's interactions first.
        await().atMost(Duration.ofSeconds(30)).until(() -> row(products(Map.of()), A) != null
                && row(products(Map.of()), A).getInt("units") == 2);
        publishOrders(CUSTOMER, refund);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath a = row(products(Map.of()), A);
            return a.getInt("refunds") == 1 && a.getInt("recommendationClicks") == 1 && a.getInt("views") == 3;
        });
        ready = true;
    }

    private static boolean ready;

    private static final List<String> EVENTS = new ArrayList<>();
    private static final List<String> ORDERS = new ArrayList<>();

    @Test
    void eventsAndOrdersBecomeItemFigures() {
        JsonPath page = products(Map.of());
        assertThat(page.getDouble("periodRevenue")).isEqualTo(30.0);
        JsonPath a = row(page, A);
        assertThat(a.getString("title")).isEqualTo("Title of " + A);
        assertThat(a.getString("category")).isEqualTo(CATEGORY);
        assertThat(a.getInt("addToCarts")).isEqualTo(1);
        assertThat(a.getInt("recommendationImpressions")).isEqualTo(2);
        assertThat(a.getDouble("ctr")).isEqualTo(0.5);
        assertThat(a.getDouble("addToCartRate")).isEqualTo(0.3333);
        assertThat(a.getInt("orders")).isEqualTo(1);
        assertThat(a.getDouble("conversion")).isEqualTo(0.3333);
        assertThat(a.getDouble("revenue")).isEqualTo(20.0);
        assertThat(a.getDouble("revenueShare")).isEqualTo(0.6667);
        assertThat(a.getInt("refundedUnits")).isEqualTo(2);
        assertThat(a.getDouble("refundAmount")).as("10.00 shared by units: 2 of 3").isEqualTo(6.67);
        assertThat(a.getDouble("refundRate")).isEqualTo(1.0);
        assertThat(a.getDouble("margin")).as("20 − 4 × 2").isEqualTo(12.0);
        assertThat(a.getDouble("marginRate")).isEqualTo(0.6);
        assertThat(a.getInt("stockQuantity")).isEqualTo(50);
        assertThat(a.getDouble("stockTurnover")).isEqualTo(0.04);
        assertThat(a.getDouble("daysOfCover")).as("50 on hand at 1 a day").isEqualTo(50.0);

        JsonPath b = row(page, B);
        assertThat(b.getDouble("revenue")).isEqualTo(10.0);
        assertThat(b.getDouble("refundAmount")).isEqualTo(3.33);
        assertThat((Object) b.get("margin")).as("no cost: null, not 0").isNull();
        assertThat((Object) b.get("stockTurnover")).isNull();
        assertThat((Object) b.get("ctr")).isNull();
    }

    @Test
    void redeliveryChangesNothingAndALateEventUpdatesItsDay() {
        JsonPath before = row(products(Map.of()), A);
        publishEvents(CUSTOMER, EVENTS.toArray(String[]::new));
        publishOrders(CUSTOMER, ORDERS.toArray(String[]::new));
        // Same key, same partition: once these markers count, every redelivery before them was consumed.
        String marker = "m-" + RUN;
        publishOrders(CUSTOMER, paid(CUSTOMER, "om-" + RUN, Instant.parse("2024-05-09T00:00:00Z"), marker));
        publishEvents(CUSTOMER, behaviour(CUSTOMER, BehaviourType.PRODUCT_VIEW, marker, CATEGORY, PREVIOUS));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath m = row(products(Map.of("from", "2024-05-08", "to", "2024-05-09", "category", "")), marker);
            return m != null && m.getInt("units") == 1 && m.getInt("views") == 1;
        });
        JsonPath after = row(products(Map.of()), A);
        assertThat(after.prettify()).isEqualTo(before.prettify());

        // A view of day 1 arriving days later lands on day 1 (B's: A's figures stay as the other tests expect them).
        publishEvents(CUSTOMER, behaviour(CUSTOMER, BehaviourType.PRODUCT_VIEW, B, CATEGORY, DAY1.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                row(products(Map.of("from", "2024-05-10", "to", "2024-05-10")), B).getInt("views") == 2);
        assertThat(row(products(Map.of("from", "2024-05-11", "to", "2024-05-11")), B).getInt("refunds"))
                .as("the refund of day 2 stays on day 2").isEqualTo(1);
        assertThat(row(products(Map.of("from", "2024-05-11", "to", "2024-05-11")), B).getInt("views")).isZero();
    }

    @Test
    void rowsSortPageAndRollUpToCategories() {
        JsonPath first = products(Map.of("sort", "views", "order", "asc", "limit", "1"));
        assertThat(first.getList("rows.itemId")).containsExactly(B);
        JsonPath second = products(Map.of("sort", "views", "order", "asc", "limit", "1",
                "cursor", first.getString("nextCursor")));
        assertThat(second.getList("rows.itemId")).containsExactly(A);
        assertThat(second.getString("nextCursor")).isNull();
        // Null margins sort last, descending or ascending.
        assertThat(products(Map.of("sort", "margin")).getList("rows.itemId")).containsExactly(A, B);
        assertThat(products(Map.of("sort", "margin", "order", "asc")).getList("rows.itemId")).containsExactly(A, B);

        JsonPath category = products(Map.of("level", "category"));
        assertThat(category.getList("rows")).hasSize(1);
        assertThat(category.getString("rows[0].category")).isEqualTo(CATEGORY);
        assertThat(category.getString("rows[0].itemId")).isNull();
        assertThat(category.getInt("rows[0].units")).isEqualTo(3);
        assertThat(category.getDouble("rows[0].revenueShare")).isEqualTo(1.0);
        assertThat((Object) category.get("rows[0].margin")).as("one item without a cost").isNull();
    }

    @Test
    void hotRanksSellersAgainstThePreviousPeriod() {
        JsonPath byUnits = hot("units");
        assertThat(byUnits.getString("previousFrom")).isEqualTo("2024-05-08");
        assertThat(byUnits.getList("rows.itemId")).containsExactly(A, B);
        assertThat(byUnits.getInt("rows[1].previousUnits")).isEqualTo(1);
        JsonPath byGrowth = hot("revenueGrowth");
        assertThat(byGrowth.getList("rows.itemId")).as("A did not sell before: its growth is unknown")
                .containsExactly(B, A);
        assertThat(byGrowth.getDouble("rows[0].revenueGrowth")).isEqualTo(0.0);
        assertThat((Object) byGrowth.get("rows[1].revenueGrowth")).isNull();
    }

    @Test
    void staleItemsAreInStockOlderThanThePeriodAndUnsold() {
        String sold = "sold-" + RUN;
        String hidden = "hidden-" + RUN;
        String empty = "empty-" + RUN;
        putItem(sold, Map.of());
        putItem(hidden, Map.of("hidden", true));
        putItem(empty, Map.of("stockQuantity", 0));
        publishOrders(CUSTOMER, paid(CUSTOMER, "os-" + RUN, Instant.now(), sold));
        await().atMost(Duration.ofSeconds(30)).until(() -> row(products(Map.of("from", today(), "to", today())),
                sold) != null);

        List<Map<String, Object>> stale = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().header("Authorization", OPERATOR).queryParam("days", 1).queryParam("limit", 200)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/analytics/products/stale").then()
                    .statusCode(200).extract().jsonPath();
            stale.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<Object> ids = stale.stream().map(item -> item.get("itemId")).toList();
        assertThat(ids).contains(A, B, STALE).doesNotContain(sold, hidden, empty);
        Map<String, Object> a = stale.stream().filter(item -> A.equals(item.get("itemId"))).findFirst().orElseThrow();
        assertThat((Object) a.get("lastSoldOn")).isEqualTo("2024-05-10");
        Map<String, Object> never = stale.stream().filter(item -> STALE.equals(item.get("itemId"))).findFirst()
                .orElseThrow();
        assertThat((Object) never.get("lastSoldOn")).isNull();
        assertThat((Object) never.get("stockQuantity")).isEqualTo(7);
    }

    @Test
    void theCatalogueCarriesCostAndStockAndNoStockMeansOutOfStock() {
        String id = "k-" + RUN;
        putItem(id, Map.of("cost", 3.5, "stockQuantity", 0));
        given().header("Authorization", OPERATOR).get("/items/" + id).then().statusCode(200)
                .body("cost", equalTo(3.5f)).body("stockQuantity", equalTo(0)).body("inStock", equalTo(false));
        for (String field : List.of("cost", "stockQuantity")) {
            String bad = "bad-" + field + "-" + RUN;
            given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(Map.of(field, -1))
                    .put("/items/" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", org.hamcrest.Matchers.containsString(field));
            given().header("Authorization", OPERATOR).get("/items/" + bad).then().statusCode(404);
        }
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        String other = products(Map.of("sort", "views", "limit", "1")).getString("nextCursor");
        List<Map<String, String>> bad = List.of(Map.of("sort", "popularity"), Map.of("level", "brand"),
                Map.of("order", "up"), Map.of("from", "2024-05-12", "to", "2024-05-10"),
                Map.of("from", "2023-01-01", "to", "2024-05-10"), Map.of("from", "last-week"),
                Map.of("to", "2024-02-30"), Map.of("limit", "0"), Map.of("limit", "201"), Map.of("limit", "ten"),
                Map.of("cursor", "%%%"), Map.of("sort", "units", "cursor", other));
        for (Map<String, String> params : bad) {
            String field = params.containsKey("cursor") ? "cursor" : params.keySet().stream()
                    .filter(key -> !key.equals("to") || !params.containsKey("from")).findFirst().orElseThrow();
            given().header("Authorization", OPERATOR).queryParams(params).get("/analytics/products").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field));
        }
        given().header("Authorization", OPERATOR).queryParam("by", "hype").get("/analytics/products/hot").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("by"));
        given().header("Authorization", OPERATOR).queryParam("days", 0).get("/analytics/products/stale").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("days"));
        given().header("Authorization", APP).get("/analytics/products").then().statusCode(403);
        given().get("/analytics/products/hot").then().statusCode(401);
        given().header("Authorization", OPERATOR).get("/analytics/products").then().statusCode(200)
                .body("sort", equalTo("revenue")).body("order", equalTo("desc")).body("level", equalTo("item"));
    }

    private static void putItem(String itemId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Title of " + itemId,
                "categoryPath", List.of(CATEGORY), "price", 10, "currency", "EUR",
                "launchedAt", "2024-01-01T00:00:00Z"));
        body.putAll(extra);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body).put("/items/" + itemId)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    private static JsonPath products(Map<String, String> params) {
        Map<String, String> query = new java.util.HashMap<>(Map.of("from", "2024-05-10", "to", "2024-05-11",
                "category", CATEGORY));
        query.putAll(params);
        return given().header("Authorization", OPERATOR).queryParams(query).get("/analytics/products").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath hot(String by) {
        return given().header("Authorization", OPERATOR).queryParam("from", "2024-05-10").queryParam("to", "2024-05-11")
                .queryParam("by", by).get("/analytics/products/hot").then().statusCode(200).extract().jsonPath();
    }

    /** The row of an item in a page (paths relative to it), or null. */
    private static JsonPath row(JsonPath page, String itemId) {
        String path = "rows.find { it.itemId == '" + itemId + "' }";
        return page.get(path) == null ? null : JsonPath.from(page.prettify()).setRootPath(path);
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }
}
