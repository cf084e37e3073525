package io.lodestar.segmentation.rfmmodel;

import static io.lodestar.segmentation.SegmentationApi.APP;
import static io.lodestar.segmentation.SegmentationApi.OPERATOR;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class RfmModelResourceTest {

    @Test
    void aModelIsCreatedWithDefaultsReadReplacedAndDeleted() {
        String name = "Model " + UUID.randomUUID();
        String id = post("{\"name\":\"" + name + "\",\"scheme\":\"threshold\",\"window\":\"P6M\"}").statusCode(201)
                .body("scheme", equalTo("threshold")).body("window", equalTo("P6M")).extract().path("id");
        given().header("Authorization", OPERATOR).get("/rfm-models/" + id).then().statusCode(200)
                .body("name", equalTo(name));
        given().header("Authorization", OPERATOR).get("/rfm-models").then().statusCode(200).body("id", hasItem(id));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"scheme\":\"quintile\"}").put("/rfm-models/" + id).then()
                .statusCode(200).body("scheme", equalTo("quintile")).body("id", equalTo(id));
        given().header("Authorization", OPERATOR).get("/rfm-models/" + id + "/scores").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().header("Authorization", OPERATOR).delete("/rfm-models/" + id).then().statusCode(204);
        problem(given().header("Authorization", OPERATOR).get("/rfm-models/" + id).then(), 404);
    }

    @Test
    void badModelsAre400NamingTheFieldAndNothingIsStored() {
        String name = "Bad " + UUID.randomUUID();
        problem(post("{\"scheme\":\"threshold\"}"), 400).body("violations.field", hasItem("name"));
        problem(post("{\"name\":\"" + name + "\"}"), 400).body("violations.field", hasItem("scheme"));
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"deciles\"}"), 400);
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"threshold\",\"thresholds\":{\"recencyDays\":[90,30,180]}}"),
                400).body("violations.field", hasItem(startsWith("thresholds.recencyDays")));
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"threshold\",\"thresholds\":{\"frequencyOrders\":[2,5]}}"),
                400).body("violations.field", hasItem(startsWith("thresholds.frequencyOrders")));
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"threshold\",\"highLow\":{\"recency\":7}}"), 400)
                .body("violations.field", hasItem("highLow.recency"));
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"threshold\",\"window\":\"six months\"}"), 400)
                .body("violations.field", hasItem("window"));
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"quintile\",\"highLow\":{\"recency\":3}}"), 400)
                .body("violations.field", hasItem("scheme"));
        given().header("Authorization", OPERATOR).get("/rfm-models").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(hasItem(name)));
    }

    @Test
    void aDuplicateNameIs409AndUnknownModelsOrBadScoreQueriesAreRefused() {
        String name = "Dup " + UUID.randomUUID();
        String id = post("{\"name\":\"" + name + "\",\"scheme\":\"quintile\"}").statusCode(201).extract().path("id");
        problem(post("{\"name\":\"" + name + "\",\"scheme\":\"threshold\"}"), 409);
        problem(given().header("Authorization", OPERATOR).get("/rfm-models/" + id + "/scores?limit=0").then(), 400)
                .body("violations.field", hasItem("limit"));
        problem(given().header("Authorization", OPERATOR).get("/rfm-models/" + id + "/scores?class=vip").then(), 400)
                .body("violations.field", hasItem("class"));
        problem(given().header("Authorization", OPERATOR).get("/rfm-models/none-" + UUID.randomUUID() + "/scores")
                .then(), 404);
        problem(given().header("Authorization", OPERATOR).delete("/rfm-models/none-" + UUID.randomUUID()).then(), 404);
        given().header("Authorization", APP).get("/rfm-models").then().statusCode(403);
        given().get("/rfm-models").then().statusCode(401);
    }

    private static ValidatableResponse post(String json) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(json).post("/rfm-models")
                .then();
    }
}
