package io.lodestar.segmentation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lodestar.platform.security.Roles;
import io.lodestar.segmentation.run.RunView;
import io.lodestar.testkit.jwt.TestTokens;
import io.restassured.http.ContentType;

/** What segmentation's tests do through the API: tokens, models, runs, waiting for facts. */
public final class SegmentationApi {

    public static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);
    public static final String APP = TestTokens.bearer(Roles.APP);

    private SegmentationApi() {
    }

    public static String createModel(String json) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(json)
                .post("/rfm-models").then().statusCode(201).extract().path("id");
    }

    /** Starts a run (waiting out another test's run, if one is going) and waits for its success. */
    public static RunView runToSuccess() {
        return runToSuccess(null);
    }

    public static RunView runToSuccess(Instant asOf) {
        String body = asOf == null ? "{}" : "{\"asOf\":\"" + asOf + "\"}";
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
            io.restassured.response.Response response = given().header("Authorization", OPERATOR)
                    .contentType(ContentType.JSON).body(body).post("/segmentation/runs");
            return response.statusCode() == 202 ? response.path("id") : null;
        }, java.util.Objects::nonNull);
        RunView run = await().atMost(Duration.ofSeconds(180)).until(() -> given().header("Authorization", OPERATOR)
                .get("/segmentation/runs/" + id).then().statusCode(200).extract().as(RunView.class),
                r -> !"running".equals(r.status()));
        assertThat(run.status()).as("run %s: %s", id, run.error()).isEqualTo("succeeded");
        return run;
    }

    public static void awaitPaidOrders(String customer, int orders) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/features").then().statusCode(200)
                .body("paidOrders", equalTo(orders)));
    }

    /** The latest scores under {@code model} of the given customers, paging through everyone's. */
    public static Map<String, Map<String, Object>> scoresOf(String model, Set<String> customers) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        String cursor = "";
        do {
            var page = given().header("Authorization", OPERATOR).queryParam("limit", 1000).queryParam("cursor", cursor)
                    .get("/rfm-models/" + model + "/scores").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(item -> customers.contains((String) item.get("customerId")))
                    .forEach(item -> found.put((String) item.get("customerId"), item));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return found;
    }
}
