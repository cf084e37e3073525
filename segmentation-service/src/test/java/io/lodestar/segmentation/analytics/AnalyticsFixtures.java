package io.lodestar.segmentation.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.ProblemAssertions;
import io.lodestar.testkit.jwt.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** What the analytics tests share: an operator's request that reads decimals exactly, and waiting for the facts. */
final class AnalyticsFixtures {

    static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);

    /** Per request, not global: other tests of the module keep rest-assured's float numbers. */
    private static final RestAssuredConfig EXACT_DECIMALS = RestAssuredConfig.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private AnalyticsFixtures() {
    }

    static RequestSpecification operator() {
        return given().config(EXACT_DECIMALS).header("Authorization", OPERATOR);
    }

    /** A JSON number equal to {@code expected} whatever its scale (62.5 and 62.50 alike). */
    static Matcher<Object> decimal(String expected) {
        BigDecimal value = new BigDecimal(expected);
        return new CustomTypeSafeMatcher<>("a number equal to " + expected) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(value) == 0;
            }
        };
    }

    /** Waits until segmentation has recorded the customer's facts (e.g. its paid orders and refunds). */
    static void awaitFeatures(String customer, Consumer<ValidatableResponse> check) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ValidatableResponse response = operator().get("/customers/" + customer + "/features").then();
            response.statusCode(200);
            check.accept(response);
        });
    }

    static void awaitPaidOrders(String customer, int paidOrders) {
        awaitFeatures(customer, f -> f.body("paidOrders", equalTo(paidOrders)));
    }

    /** A 400 problem whose only violation names {@code field}. */
    static void assertBadParameter(ValidatableResponse response, String field) {
        ProblemAssertions.problem(response, 400).body("violations.field", org.hamcrest.Matchers.contains(field));
    }
}
