package io.lodestar.e2e;

import static io.restassured.RestAssured.given;

import io.lodestar.testkit.jwt.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The suite's public HTTP APIs as an app backend ({@code app}), an operator or an admin calls them. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(role)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** GET as an operator, expecting 200; the body as JSON. */
    static JsonPath get(String url) {
        return as("operator").get(url).then().statusCode(200).extract().jsonPath();
    }

    /** POST as an operator, expecting {@code status}; the body as JSON. */
    static JsonPath post(String url, Object body, int status) {
        return as("operator").body(body).post(url).then().statusCode(status).extract().jsonPath();
    }

    /** GET as an operator whatever the status (for waits that poll until a resource exists). */
    static Response getAnyStatus(String url) {
        return as("operator").get(url);
    }
}
