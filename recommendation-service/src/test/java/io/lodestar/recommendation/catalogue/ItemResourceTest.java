package io.lodestar.recommendation.catalogue;

import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code POST /items:batch} is sent with URL encoding off, as HTTP clients send it: RESTEasy Reactive matches the raw
 * path, so an encoded colon ({@code %3A}, what rest-assured sends by default) does not reach the endpoint.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ItemResourceTest {

    private static final String SUNSCREEN = """
            {"title": "SPF50 sunscreen", "categoryPath": ["beauty", "skincare", "sunscreen"], "brand": "Solis",
             "price": 89.00, "currency": "CNY", "inStock": true, "tags": ["summer"], "durability": "consumable",
             "repurchaseDays": 60}""";

    @Test
    void putCreatesThenReplacesAnItemAndTheLeafIsItsCategory() {
        String id = "sku-" + UUID.randomUUID();
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(SUNSCREEN)
                .put("/items/" + id).then().statusCode(201).header("Location", containsString("/items/" + id))
                .body("category", equalTo("sunscreen")).body("durability", equalTo("consumable"))
                .body("repurchaseDays", equalTo(60)).body("stub", equalTo(false));
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"title\": \"Stroller\", \"categoryPath\": [\"baby\", \"strollers\"], \"durability\": \"durable\","
                        + " \"inStock\": false}")
                .put("/items/" + id).then().statusCode(200).body("category", equalTo("strollers"))
                .body("inStock", equalTo(false)).body("brand", equalTo(null));
        given().header("Authorization", APP).get("/items/" + id).then().statusCode(200)
                .body("title", equalTo("Stroller")).body("categoryPath", contains("baby", "strollers"));
    }

    @Test
    void aBatchIsWrittenWholeOrNotAtAllAndNamesTheBadField() {
        String a = "sku-" + UUID.randomUUID();
        String b = "sku-" + UUID.randomUUID();
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"items\": [{\"itemId\": \"" + a + "\", \"item\": " + SUNSCREEN + "},"
                        + " {\"itemId\": \"" + b + "\", \"item\": {\"price\": -1}}]}")
                .post("/items:batch").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("items[1].item.price")));
        given().header("Authorization", OPERATOR).get("/items/" + a).then().statusCode(404)
                .contentType("application/problem+json");

        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"items\": [{\"itemId\": \"" + a + "\", \"item\": " + SUNSCREEN + "},"
                        + " {\"itemId\": \"" + b + "\", \"item\": {\"title\": \"Umbrella\"}}]}")
                .post("/items:batch").then().statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0));
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"items\": [{\"itemId\": \"" + b + "\", \"item\": {\"title\": \"Big umbrella\"}}]}")
                .post("/items:batch").then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1));
        given().header("Authorization", OPERATOR).get("/items/" + b).then().statusCode(200)
                .body("title", equalTo("Big umbrella")).body("durability", equalTo("consumable"))
                .body("inStock", equalTo(true));
    }

    @Test
    void badItemsAreRefusedWithTheFieldNamed() {
        String id = "sku-" + UUID.randomUUID();
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"currency\": \"euro\", \"repurchaseDays\": 0}").put("/items/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("currency")))
                .body("violations.field", hasItem(containsString("repurchaseDays")))
                .body(not(containsString("java.")));
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"durability\": \"forever\"}").put("/items/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        String duplicate = "{\"itemId\": \"" + id + "\", \"item\": {}}";
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"items\": [" + duplicate + ", " + duplicate + "]}").post("/items:batch").then()
                .statusCode(400).body("violations.field", hasItem("items[1].itemId"));
        given().urlEncodingEnabled(false).header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"items\": []}")
                .post("/items:batch").then().statusCode(400);
        given().header("Authorization", OPERATOR).get("/items/" + id).then().statusCode(404);
    }

    @Test
    void writingTheCatalogueNeedsTheOperatorRole() {
        given().contentType(ContentType.JSON).body("{}").put("/items/x").then().statusCode(401);
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{}").put("/items/x").then()
                .statusCode(403);
    }
}
