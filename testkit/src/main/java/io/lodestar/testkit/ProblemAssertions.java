package io.lodestar.testkit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;

import io.restassured.response.ValidatableResponse;

/** The shape every Lodestar error must have: RFC 9457 problem+json, and nothing of the Java inside. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts a problem with this status and returns the response for more checks (e.g. violations.field). */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body(not(anyOf(containsString("java."), containsString("Exception"), containsString("\tat "))));
    }
}
