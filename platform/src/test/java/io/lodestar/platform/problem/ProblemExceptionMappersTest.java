package io.lodestar.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every status class answers application/problem+json and never leaks Java internals. */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ProblemExceptionMappersTest {

    private static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() {
        problem(given().contentType(ContentType.JSON).body(note(UUID.randomUUID().toString()))
                .post("/fixture/notes").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedTokenIs401() {
        problem(given().header("Authorization", "Bearer not.a.jwt").get("/fixture/notes/x").then(), 401,
                "unauthorized");
    }

    @Test
    void theWrongRoleIs403() {
        problem(given().header("Authorization", TestTokens.bearer(Roles.APP)).get("/fixture/notes/x").then(), 403,
                "forbidden");
    }

    @Test
    void invalidFieldsAre400NamingEachFieldAndNothingIsWritten() {
        String id = UUID.randomUUID().toString();
        String body = """
                {"id":"%s","customerId":" ","body":"this body is far longer than twenty characters",
                 "lines":[{"itemId":"sku-1","quantity":1},{"itemId":"sku-2","quantity":0}]}""".formatted(id);
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body)
                .post("/fixture/notes").then(), 400, "validation")
                .body("violations.field", containsInAnyOrder("customerId", "body", "lines[1].quantity"));

        problem(given().header("Authorization", OPERATOR).get("/fixture/notes/" + id).then(), 404, "not-found");
    }

    @Test
    void malformedJsonIs400() {
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"id\": ")
                .post("/fixture/notes").then(), 400, "malformed-json");
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingItsPath() {
        String body = """
                {"id":"n","customerId":"c","body":"b","lines":[{"itemId":"sku-1","quantity":"many"}]}""";
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body)
                .post("/fixture/notes").then(), 400, "validation")
                .body("violations.field", hasItem("lines[0].quantity"));
    }

    @Test
    void aMissingResourceIs404() {
        problem(given().header("Authorization", OPERATOR).get("/fixture/notes/does-not-exist").then(), 404,
                "not-found")
                .body("detail", equalTo("note 'does-not-exist' not found"));
    }

    @Test
    void anUnknownPathIs404() {
        problem(given().header("Authorization", OPERATOR).get("/no/such/path").then(), 404, "not-found");
    }

    @Test
    void aDuplicateIs409() {
        String id = UUID.randomUUID().toString();
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(note(id))
                .post("/fixture/notes").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/fixture/notes/" + id));
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(note(id))
                .post("/fixture/notes").then(), 409, "conflict");
    }

    @Test
    void aDatabaseIntegrityRuleIsAnsweredAs409Or400NotAs500() {
        String id = UUID.randomUUID().toString();
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(note(id))
                .post("/fixture/notes/blind").then().statusCode(200);
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(note(id))
                .post("/fixture/notes/blind").then(), 409, "conflict");
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"customerId\":\"c\",\"body\":\"%s\"}".formatted(UUID.randomUUID(), "x".repeat(30)))
                .post("/fixture/notes/blind").then(), 400, "validation");
    }

    @Test
    void aMalformedPathValueIs400() {
        problem(given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/fixture/notes/page/abc").then(),
                400, "malformed-parameter");
    }

    @Test
    void anOutOfRangeQueryValueIs400NamingTheParameter() {
        problem(given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).queryParam("size", 1000)
                .get("/fixture/notes/page/1").then(), 400, "validation")
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternalsAndRollsBack() {
        String id = UUID.randomUUID().toString();
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(note(id))
                .post("/fixture/notes/crash").then(), 500, "internal")
                .body("detail", equalTo("The request could not be completed; the failure has been logged"));

        problem(given().header("Authorization", OPERATOR).get("/fixture/notes/" + id).then(), 404, "not-found");
    }

    static String note(String id) {
        return """
                {"id":"%s","customerId":"customer-%s","body":"hello"}""".formatted(id, id);
    }

    /** Asserts the problem shape common to every error and returns the response for more checks. */
    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        String body = response.extract().asString();
        assertThat(body).doesNotContain("java.", "Exception", "at io.", "stackTrace");
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://lodestar.io/problems/" + type))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }
}
