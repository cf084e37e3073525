package io.lodestar.segmentation.segment;

import static io.lodestar.segmentation.feature.SegmentationEvents.paid;
import static io.lodestar.segmentation.feature.SegmentationEvents.publishOrders;
import static io.lodestar.segmentation.SegmentationApi.OPERATOR;
import static io.lodestar.segmentation.SegmentationApi.awaitPaidOrders;
import static io.lodestar.segmentation.SegmentationApi.runToSuccess;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Topics;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class SegmentResourceTest {

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void aRuleSegmentPreviewsItsMembersAndARunMakesThemMembersWithEvents() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String big = "big-" + tag;
        String small = "small-" + tag;
        publishOrders(big, paid(big, "o-" + big, "5000.00", "cat-" + tag, Instant.now().minus(Duration.ofDays(3))));
        publishOrders(small, paid(small, "o-" + small, "5.00", "cat-" + tag, Instant.now().minus(Duration.ofDays(3))));
        awaitPaidOrders(big, 1);
        awaitPaidOrders(small, 1);
        String condition = """
                {"type":"all","children":[
                  {"type":"top_category","operator":"in","categories":["cat-%s"]},
                  {"type":"feature","field":"net_spend","operator":"gte","value":1000}]}""".formatted(tag);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"condition\":" + condition + "}").post("/segments/preview").then().statusCode(200)
                .body("members", equalTo(1)).body("sample", equalTo(java.util.List.of(big)));

        String id = create("Big spenders " + tag, condition).statusCode(201).extract().path("id");
        assertThat(id).isEqualTo("big-spenders-" + tag);
        runToSuccess();

        given().header("Authorization", OPERATOR).get("/segments/" + id).then().statusCode(200)
                .body("members", equalTo(1)).body("name", equalTo("Big spenders " + tag));
        given().header("Authorization", OPERATOR).get("/segments/" + id + "/members").then().statusCode(200)
                .body("items", equalTo(java.util.List.of(big)));
        given().header("Authorization", OPERATOR).get("/customers/" + big + "/segments").then().statusCode(200)
                .body("tags.'segment:" + id + "'", equalTo("true"));
        given().header("Authorization", OPERATOR).get("/segments").then().statusCode(200)
                .body("id", hasItem(id));
        assertThat(KafkaTestClient.read(Topics.SEGMENT_MEMBERSHIP, r -> big.equals(r.key())
                        && r.value().contains("segment:" + id + "=true"), r -> !r.isEmpty(), Duration.ofSeconds(30)))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("segment.entered",
                        "Big spenders " + tag));
        given().header("Authorization", OPERATOR).get("/customers/" + small + "/segments").then().statusCode(200)
                .body("tags.keySet()", not(hasItem("segment:" + id)));
    }

    @Test
    void badConditionsAre400NamingThePath() {
        problem(create("Bad " + UUID.randomUUID(), "{\"type\":\"feature\",\"field\":\"net_spend\",\"operator\":\"in\","
                + "\"value\":3}"), 400).body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("condition")));
        problem(create("Bad " + UUID.randomUUID(), "{\"type\":\"all\",\"children\":[]}"), 400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("condition")));
        problem(create("Bad " + UUID.randomUUID(), "{\"type\":\"attribute\",\"field\":\"shoe_size\","
                + "\"operator\":\"in\",\"values\":[\"42\"]}"), 400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("condition")));
        problem(create("Bad " + UUID.randomUUID(), "{\"type\":\"segment\",\"segmentId\":\"nowhere-" + UUID.randomUUID()
                + "\"}"), 400).body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("condition")));
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/segments").then(), 400).body("violations.field", hasItem("condition"));
        problem(given().header("Authorization", OPERATOR).get("/segments/none-" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void referencesMayNotCycleAndAReferencedSegmentCannotBeDeleted() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String base = create("Base " + tag, "{\"type\":\"feature\",\"field\":\"paid_orders\",\"operator\":\"gte\","
                + "\"value\":1}").statusCode(201).extract().path("id");
        String derived = create("Derived " + tag, "{\"type\":\"segment\",\"segmentId\":\"" + base + "\"}")
                .statusCode(201).extract().path("id");
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"name\":\"Base " + tag + "\",\"condition\":{\"type\":\"segment\",\"segmentId\":\"" + derived
                        + "\"}}").put("/segments/" + base).then(), 400);
        problem(given().header("Authorization", OPERATOR).delete("/segments/" + base).then(), 409);
        problem(create("Base " + tag, "{\"type\":\"feature\",\"field\":\"paid_orders\",\"operator\":\"gte\","
                + "\"value\":2}"), 409);
        given().header("Authorization", OPERATOR).delete("/segments/" + derived).then().statusCode(204);
        given().header("Authorization", OPERATOR).delete("/segments/" + base).then().statusCode(204);
    }

    private static ValidatableResponse create(String name, String condition) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"condition\":" + condition + "}").post("/segments").then();
    }
}
