package io.lodestar.customerprofile;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.jwt.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls of this service's API that many tests make. */
public final class ProfileApi {

    public static final String APP = TestTokens.bearer(Roles.APP);

    private ProfileApi() {
    }

    /** A customer id no other test uses. */
    public static String newId() {
        return "c-" + UUID.randomUUID();
    }

    /** PUT /customers/{id} as an app backend. */
    public static ValidatableResponse putProfile(String id, String body) {
        return given().header("Authorization", APP).contentType(ContentType.JSON).body(body)
                .put("/customers/" + id).then();
    }

    /** A new customer with a minimal profile. */
    public static String createCustomer() {
        String id = newId();
        putProfile(id, "{\"city\":\"Shanghai\"}").statusCode(201);
        return id;
    }
}
