package io.lodestar.recommendation;

import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What recommendation-service's tests do through the API: catalogue items, training runs and evaluations. */
public final class RecommendationApi {

    private RecommendationApi() {
    }

    public static void putItem(String itemId, String category, String durability) {
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("title", "Title of " + itemId, "categoryPath", java.util.List.of(category),
                        "durability", durability, "price", 10))
                .put("/items/" + itemId).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /** Starts a training run (waiting out another test's run) and waits for its success; returns the run. */
    public static JsonPath trainToSuccess() {
        String id = await().atMost(Duration.ofSeconds(120)).until(() -> {
            Response response = given().header("Authorization", OPERATOR).post("/models/runs");
            return response.statusCode() == 202 ? response.path("id") : null;
        }, Objects::nonNull);
        JsonPath run = await().atMost(Duration.ofSeconds(180)).until(() -> given().header("Authorization", OPERATOR)
                .get("/models/runs/" + id).then().statusCode(200).extract().jsonPath(),
                r -> !"running".equals(r.getString("status")));
        assertThat(run.getString("status")).as("run %s: %s", id, run.getString("error")).isEqualTo("succeeded");
        return run;
    }

    /**
     * Starts an evaluation with this request body (waiting out another test's evaluation) and waits for its success;
     * returns the evaluation.
     */
    public static JsonPath evaluateToSuccess(Map<String, ?> request) {
        String id = await().atMost(Duration.ofSeconds(120)).until(() -> {
            Response response = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                    .body(request).post("/evaluations");
            return response.statusCode() == 202 ? response.path("id") : null;
        }, Objects::nonNull);
        JsonPath evaluation = await().atMost(Duration.ofSeconds(180)).until(() -> given()
                .header("Authorization", OPERATOR).get("/evaluations/" + id).then().statusCode(200).extract()
                .jsonPath(), e -> !"running".equals(e.getString("status")));
        assertThat(evaluation.getString("status")).as("evaluation %s: %s", id, evaluation.getString("error"))
                .isEqualTo("succeeded");
        return evaluation;
    }
}
