package io.lodestar.campaign.campaign;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lodestar.campaign.CampaignApi;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /campaigns}: definitions, bad input (400 naming the field, nothing written) and the lifecycle (409). */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class CampaignResourceTest {

    @Test
    void createsADraftAndReadsItBack() {
        Map<String, Object> definition = valid();
        String id = CampaignApi.create(definition);
        var campaign = CampaignApi.get(id);
        assertThat(campaign.getString("status")).isEqualTo("draft");
        assertThat(campaign.getString("kind")).isEqualTo("broadcast");
        assertThat(campaign.getString("definition.name")).isEqualTo(definition.get("name"));
        assertThat(campaign.getString("definition.offer.type")).isEqualTo("threshold_discount");
        given().header("Authorization", OPERATOR).queryParam("status", "draft").queryParam("limit", 200)
                .get("/campaigns").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void refusesInvalidDefinitionsNamingTheFieldAndWritesNothing() {
        assertInvalid(with("template", "Hi {{nmae}}"), "template");
        assertInvalid(with("schedule", Map.of("type", "at", "at", Instant.now().minusSeconds(3600).toString())),
                "schedule.at");
        assertInvalid(with("audience", Map.of()), "audience");
        assertInvalid(with("budget", 0.001), "budget");
        assertInvalid(with("sendWindow", Map.of("start", "10:00", "end", "10:00")), "sendWindow");
        assertInvalid(with("channels", List.of()), "channels");
        assertInvalid(with("offer", Map.of("type", "threshold_discount", "threshold", 100, "amount", 30,
                "currency", "CNY", "budget", 10, "perCustomerLimit", 1, "validFor", "P7D")), "offer.budget");
        Map<String, Object> noOffer = valid();
        noOffer.remove("offer");
        noOffer.put("template", "{{coupon}}");
        assertInvalid(noOffer, "template");
        assertInvalid(with("variants", List.of(Map.of("name", "A", "percent", 60), Map.of("name", "B",
                "percent", 30))), "variants");
        Map<String, Object> unreachable = with("journey", Map.of(
                "trigger", Map.of("type", "segment_entered", "segmentId", "s"),
                "entryStep", "a",
                "steps", List.of(Map.of("type", "send", "id", "a", "template", "Hi", "next", "end"),
                        Map.of("type", "send", "id", "orphan", "template", "Hi", "next", "end"),
                        Map.of("type", "exit", "id", "end"))));
        assertInvalid(unreachable, "journey.steps[1]");
        Map<String, Object> noExit = with("journey", Map.of(
                "trigger", Map.of("type", "segment_entered", "segmentId", "s"),
                "entryStep", "a",
                "steps", List.of(Map.of("type", "wait", "id", "a", "duration", "P1D", "next", "a"))));
        assertInvalid(noExit, "journey");
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String id = CampaignApi.create(with("schedule", Map.of("type", "at",
                "at", Instant.now().plusSeconds(86_400).toString())));
        problem(given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/pause").then(), 409);
        problem(given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/resume").then(), 409);
        given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/schedule").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("scheduled"));
        // Only drafts are edited.
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(valid())
                .put("/campaigns/" + id).then(), 409);
        given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"));
        problem(given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/schedule").then(), 409);
        problem(given().header("Authorization", OPERATOR).post("/campaigns/" + UUID.randomUUID() + "/cancel")
                .then(), 404);
    }

    @Test
    void needsTheOperatorRole() {
        problem(given().header("Authorization", TestTokens.bearer("app")).get("/campaigns").then(), 403);
        problem(given().get("/campaigns").then(), 401);
    }

    @Test
    void theTrackingTableListsTheCampaignAsJsonAndCsv() {
        String id = CampaignApi.create(valid());
        // Cursor pages of 2, walked to the end: the campaign is on exactly one of them, and no row repeats.
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", OPERATOR).queryParam("limit", 2).queryParam("status", "draft");
            var page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/campaigns/tracking")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            rows.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(rows).extracting(row -> row.get("campaignId")).doesNotHaveDuplicates();
        assertThat(rows).filteredOn(row -> id.equals(row.get("campaignId"))).singleElement().satisfies(row -> {
            assertThat(row.get("owner")).isEqualTo("li@shop.example");
            assertThat(row.get("targetMetric")).isEqualTo("repurchase_rate +5% in 30 days");
            assertThat(row.get("status")).isEqualTo("draft");
        });
        problem(given().header("Authorization", OPERATOR).queryParam("limit", 0).get("/campaigns/tracking").then(),
                400).body("violations.field", org.hamcrest.Matchers.hasItem("limit"));
        String csv = given().header("Authorization", OPERATOR).get("/campaigns/tracking.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("campaign_id,segment,strategy,action,owner,target_metric");
        assertThat(csv).contains(id + ",important-value,Lift repurchase,app_push/sms + 30 CNY off orders from 199 CNY,"
                + "li@shop.example,repurchase_rate +5% in 30 days");
    }

    private static void assertInvalid(Map<String, Object> definition, String field) {
        long before = count();
        ValidatableResponse response = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(definition).post("/campaigns").then();
        problem(response, 400).body("violations.field", org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.startsWith(field)));
        assertThat(count()).as("nothing written for %s", field).isEqualTo(before);
    }

    private static long count() {
        return given().header("Authorization", OPERATOR).queryParam("limit", 200).get("/campaigns").then()
                .statusCode(200).extract().jsonPath().getList("items").size();
    }

    static Map<String, Object> with(String field, Object value) {
        Map<String, Object> definition = valid();
        definition.put(field, value);
        return definition;
    }

    static Map<String, Object> valid() {
        Map<String, Object> definition = new HashMap<>();
        definition.put("name", "Repurchase push " + UUID.randomUUID());
        definition.put("owner", "li@shop.example");
        definition.put("goal", Map.of("metric", "repurchase_rate", "description", "Lift repurchase",
                "targetChangePercent", 5, "days", 30));
        definition.put("audience", Map.of("segments", List.of("important-value")));
        definition.put("channels", List.of(Map.of("channel", "app_push", "costPerMessage", 0.01),
                Map.of("channel", "sms", "costPerMessage", 0.05)));
        definition.put("template", "Hi {{name}}, {{coupon}}");
        definition.put("offer", Map.of("type", "threshold_discount", "threshold", 199, "amount", 30,
                "currency", "CNY", "budget", 3000, "perCustomerLimit", 1, "validFor", "P7D"));
        definition.put("schedule", Map.of("type", "at", "at", Instant.now().plusSeconds(86_400).toString()));
        return definition;
    }
}
