package io.lodestar.customerprofile.identity;

import static io.lodestar.customerprofile.ProfileApi.createCustomer;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.lodestar.customerprofile.ProfileApi.putProfile;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class IdentityResourceTest {

    private static final String APP = TestTokens.bearer(Roles.APP);

    @Test
    void anOpaqueIdIsLinkedOnceAndResolves() {
        String customer = createCustomer();
        String openid = "o-" + UUID.randomUUID();
        link(customer, "mini_program_openid", openid).statusCode(201)
                .body("value", equalTo(openid)).body("customerId", equalTo(customer));
        link(customer, "mini_program_openid", openid).statusCode(200);

        given().header("Authorization", APP).get("/identities/mini_program_openid/" + openid).then()
                .statusCode(200).body("customerId", equalTo(customer));
    }

    @Test
    void aPhoneIsStoredOnlyAsAHashAndMatchesWhateverItsFormatting() {
        String customer = createCustomer();
        String digits = String.valueOf(13_000_000_000L + (long) (Math.random() * 999_999_999L));
        String written = "+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + " " + digits.substring(7);
        link(customer, "phone", written).statusCode(201)
                .body("value", nullValue())
                .body("hash", not(containsString(digits)))
                .body(not(containsString(digits)));

        given().header("Authorization", APP).get("/identities/phone/+86" + digits).then()
                .statusCode(200).body("customerId", equalTo(customer));
        given().header("Authorization", APP).get("/customers/" + customer + "/identities").then()
                .statusCode(200).body("type", hasItem("phone")).body(not(containsString(digits)));
    }

    @Test
    void anEmailMatchesCaseInsensitively() {
        String customer = createCustomer();
        String local = "Li.Wei." + UUID.randomUUID();
        link(customer, "email", local + "@Example.COM").statusCode(201);
        given().header("Authorization", APP).get("/identities/email/" + local.toLowerCase() + "@example.com").then()
                .statusCode(200).body("customerId", equalTo(customer));
    }

    @Test
    void anIdOfAnotherCustomerIsAConflict() {
        String first = createCustomer();
        String second = createCustomer();
        String crm = "crm-" + UUID.randomUUID();
        link(first, "crm_id", crm).statusCode(201);
        problem(link(second, "crm_id", crm), 409).body("detail", containsString("merge"));
    }

    @Test
    void unknownIdsAndCustomersAre404() {
        problem(given().header("Authorization", APP).get("/identities/crm_id/nobody-" + UUID.randomUUID()).then(), 404);
        problem(link("missing-" + UUID.randomUUID(), "crm_id", "x-1"), 404);
    }

    @ParameterizedTest
    @CsvSource({"phone, 12ab", "email, not-an-email", "crm_id, 'has space'"})
    void anInvalidValueIs400NamingIt(String type, String value) {
        problem(link(createCustomer(), type, value), 400).body("violations.field", hasItem("value"));
    }

    @Test
    void anUnknownTypeIs400() {
        problem(given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"type\":\"passport\",\"value\":\"X\"}").post("/customers/" + createCustomer() + "/identities")
                .then(), 400).body("violations.field", hasItem("type"));
        problem(given().header("Authorization", APP).get("/identities/passport/X").then(), 400)
                .body("violations.field", hasItem("type"));
    }


    static ValidatableResponse link(String customerId, String type, String value) {
        return given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"type\":\"%s\",\"value\":\"%s\",\"source\":\"test\"}".formatted(type, value))
                .post("/customers/" + customerId + "/identities").then();
    }
}
