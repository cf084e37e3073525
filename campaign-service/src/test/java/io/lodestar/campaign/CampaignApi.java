package io.lodestar.campaign;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What campaign-service's tests do through the API. */
public final class CampaignApi {

    private CampaignApi() {
    }

    /** Creates a campaign (201) and returns its id. */
    public static String create(Map<String, ?> definition) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(definition)
                .post("/campaigns").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    public static String createAndSchedule(Map<String, ?> definition) {
        String id = create(definition);
        given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/schedule").then().statusCode(200);
        return id;
    }

    public static JsonPath get(String id) {
        return given().header("Authorization", OPERATOR).get("/campaigns/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    public static JsonPath awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get(id), c -> status.equals(c.getString("status")));
    }

    public static JsonPath report(String id) {
        return given().header("Authorization", OPERATOR).get("/campaigns/" + id + "/report").then().statusCode(200)
                .extract().jsonPath();
    }

    public static boolean contactKnown(String customerId) {
        return given().header("Authorization", OPERATOR).get("/contacts/" + customerId).statusCode() == 200;
    }
}
