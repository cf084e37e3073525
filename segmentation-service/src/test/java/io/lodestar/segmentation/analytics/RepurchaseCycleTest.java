package io.lodestar.segmentation.analytics;

import static io.lodestar.segmentation.analytics.AnalyticsFixtures.assertBadParameter;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.awaitFeatures;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.decimal;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.operator;
import static io.lodestar.segmentation.feature.SegmentationEvents.paid;
import static io.lodestar.segmentation.feature.SegmentationEvents.publish;
import static io.lodestar.segmentation.feature.SegmentationEvents.publishOrders;
import static io.lodestar.segmentation.feature.SegmentationEvents.upserted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Topics;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.ProblemAssertions;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * One small population with two categories of its own (unique names), so that every assertion, filtered by one of
 * them, sees only these intervals. Orders are at 10:00 UTC, so every interval is a whole number of days:
 * <pre>
 *   A (born 1980-06-01: 25-34 on 2006-01-01)  X ─10─ X ─20─ X ─30─ X
 *   B (born 1995-01-01: under-18)             X ─4─ X+Y ─10─ Y
 *   C (profile without birth date: unknown)   Y ─40─ X ─(2006-02-01, after asOf)─ X
 *   D (no profile: unknown)                   X ─2─ X
 *   F (born 1990-01-01)                       X            (one order: no interval)
 * </pre>
 * An interval belongs to the categories of its later order: X has 10, 20, 30, 4, 40, 2; Y has 4, 10.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class RepurchaseCycleTest {

    private static final String PATH = "/analytics/repurchase-cycle";
    private static final String AS_OF = "2006-01-01T00:00:00Z";

    private static String x;
    private static String y;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /** Writes the population once per test class run (each test calls it; the first one publishes). */
    private static synchronized void population() {
        if (x != null) {
            return;
        }
        String run = UUID.randomUUID().toString();
        String categoryX = "rc-x-" + run;
        String categoryY = "rc-y-" + run;
        String a = "rca-" + run;
        String b = "rcb-" + run;
        String c = "rcc-" + run;
        String d = "rcd-" + run;
        String f = "rcf-" + run;
        publish(Topics.CUSTOMERS, a, upserted(a, LocalDate.parse("1980-06-01")));
        publish(Topics.CUSTOMERS, b, upserted(b, LocalDate.parse("1995-01-01")));
        publish(Topics.CUSTOMERS, c, upserted(c, null));
        publish(Topics.CUSTOMERS, f, upserted(f, LocalDate.parse("1990-01-01")));
        publishOrders(a, order(a, 1, "2005-01-01", categoryX), order(a, 2, "2005-01-11", categoryX),
                order(a, 3, "2005-01-31", categoryX), order(a, 4, "2005-03-02", categoryX));
        publishOrders(b, order(b, 1, "2005-02-01", categoryX),
                paid(b, "o2-" + b, at("2005-02-05"), Map.of(categoryX, "10.00", categoryY, "5.00")),
                order(b, 3, "2005-02-15", categoryY));
        publishOrders(c, order(c, 1, "2005-04-01", categoryY), order(c, 2, "2005-05-11", categoryX),
                order(c, 3, "2006-02-01", categoryX));
        publishOrders(d, order(d, 1, "2005-06-01", categoryX), order(d, 2, "2005-06-03", categoryX));
        publishOrders(f, order(f, 1, "2005-07-01", categoryX));

        awaitFeatures(a, r -> r.body("paidOrders", equalTo(4)).body("attributes.birthDate", equalTo("1980-06-01")));
        awaitFeatures(b, r -> r.body("paidOrders", equalTo(3)).body("attributes.birthDate", equalTo("1995-01-01")));
        awaitFeatures(c, r -> r.body("paidOrders", equalTo(3)).body("attributes.cityTier", nullValue())
                .body("attributes.registrationChannel", equalTo("app")));
        awaitFeatures(d, r -> r.body("paidOrders", equalTo(2)));
        awaitFeatures(f, r -> r.body("paidOrders", equalTo(1)).body("attributes.birthDate", equalTo("1990-01-01")));
        y = categoryY;
        x = categoryX;
    }

    @Test
    void inOneCategoryTheMedianQuartilesAndMeanOverallAndPerAgeBand() {
        population();
        ValidatableResponse r = operator().queryParam("category", x).queryParam("asOf", AS_OF).get(PATH).then()
                .statusCode(200)
                .body("asOf", equalTo(AS_OF))
                .body("category", equalTo(x))
                .body("ageBand", nullValue());
        // 2 4 10 20 30 40: positions (n-1)·p = 1.25, 2.5, 3.75
        cycle(r, "overall", 6, "17.67", "5.5", "15", "27.5");
        r.body("categories.category", contains(x));
        cycle(r, "categories[0].cycle", 6, "17.67", "5.5", "15", "27.5");
        r.body("ageBands.ageBand", contains("under-18", "18-24", "25-34", "35-44", "45-54", "55-plus", "unknown"));
        cycle(r, "ageBands[0].cycle", 1, "4", "4", "4", "4");
        cycle(r, "ageBands[2].cycle", 3, "20", "15", "20", "25");
        cycle(r, "ageBands[6].cycle", 2, "21", "11.5", "21", "30.5"); // C's 40 and D's 2
        for (int empty : new int[] {1, 3, 4, 5}) {
            r.body("ageBands[" + empty + "].cycle.intervals", equalTo(0))
                    .body("ageBands[" + empty + "].cycle.medianDays", nullValue());
        }
    }

    @Test
    void anIntervalCountsInEveryCategoryOfItsLaterOrder() {
        population();
        ValidatableResponse r = operator().queryParam("category", y).queryParam("asOf", AS_OF).get(PATH).then()
                .statusCode(200);
        // B's 4 days (to the order with X and Y) and 10 days (to the Y order); C's 40 days end in an X order.
        cycle(r, "overall", 2, "7", "5.5", "7", "8.5");
        r.body("categories.category", contains(y));

        // Unfiltered, both categories are listed with their own intervals (among whatever other tests wrote).
        List<Map<String, Object>> categories = operator().queryParam("asOf", AS_OF).get(PATH).then().statusCode(200)
                .extract().jsonPath().getList("categories");
        assertThat(categories).filteredOn(e -> x.equals(e.get("category")))
                .singleElement().extracting(e -> ((Map<?, ?>) e.get("cycle")).get("intervals")).isEqualTo(6);
        assertThat(categories).filteredOn(e -> y.equals(e.get("category")))
                .singleElement().extracting(e -> ((Map<?, ?>) e.get("cycle")).get("intervals")).isEqualTo(2);
    }

    @Test
    void theAgeBandFilterNarrowsEveryPartAndUnknownMeansNoBirthDate() {
        population();
        ValidatableResponse r = operator().queryParam("category", x).queryParam("ageBand", "unknown")
                .queryParam("asOf", AS_OF).get(PATH).then().statusCode(200)
                .body("ageBand", equalTo("unknown"));
        cycle(r, "overall", 2, "21", "11.5", "21", "30.5");
        cycle(r, "categories[0].cycle", 2, "21", "11.5", "21", "30.5");
        r.body("ageBands.ageBand", contains("unknown"));

        operator().queryParam("category", x).queryParam("ageBand", "35-44").queryParam("asOf", AS_OF).get(PATH).then()
                .statusCode(200)
                .body("overall.intervals", equalTo(0))
                .body("overall.meanDays", nullValue())
                .body("categories", hasSize(0))
                .body("ageBands.ageBand", contains("35-44"));
    }

    @Test
    void ageBandsAndOrdersAreTakenAsOfTheRequestedInstant() {
        population();
        // On 2026-06-01 A is in 45-54, B in 25-34, F in 35-44; C's order of 2006-02-01 counts too (266 days after
        // 2005-05-11), in unknown with C's 40 and D's 2.
        ValidatableResponse now = operator().queryParam("category", x).queryParam("asOf", "2026-06-01T00:00:00Z")
                .get(PATH).then().statusCode(200)
                .body("overall.intervals", equalTo(7));
        now.body("ageBands.find { it.ageBand == '25-34' }.cycle.intervals", equalTo(1))
                .body("ageBands.find { it.ageBand == '45-54' }.cycle.intervals", equalTo(3))
                .body("ageBands.find { it.ageBand == 'unknown' }.cycle.intervals", equalTo(3))
                .body("ageBands.find { it.ageBand == 'unknown' }.cycle.medianDays", decimal("40"));
        // A born 1980-06-01 is 25-34 on 2006-01-01 but not on 2005-05-31 (24, so 18-24).
        operator().queryParam("category", x).queryParam("ageBand", "18-24").queryParam("asOf", "2005-05-31T23:00:00Z")
                .get(PATH).then().statusCode(200)
                .body("overall.intervals", equalTo(3));
    }

    @Test
    void badParametersAreNamed() {
        assertBadParameter(operator().queryParam("ageBand", "30-40").get(PATH).then(), "ageBand");
        assertBadParameter(operator().queryParam("ageBand", "UNKNOWN").get(PATH).then(), "ageBand");
        assertBadParameter(operator().queryParam("asOf", "2006-13-01T00:00:00Z").get(PATH).then(), "asOf");
        assertBadParameter(operator().queryParam("category", " ").get(PATH).then(), "category");
    }

    @Test
    void theRepurchaseCycleNeedsTheOperatorOrAdminRole() {
        ProblemAssertions.problem(given().get(PATH).then(), 401);
        ProblemAssertions.problem(given().header("Authorization", TestTokens.bearer(Roles.APP)).get(PATH).then(), 403);
    }

    private static void cycle(ValidatableResponse r, String path, int intervals, String mean, String p25,
                              String median, String p75) {
        r.body(path + ".intervals", equalTo(intervals))
                .body(path + ".meanDays", decimal(mean))
                .body(path + ".p25Days", decimal(p25))
                .body(path + ".medianDays", decimal(median))
                .body(path + ".p75Days", decimal(p75));
    }

    private static String order(String customer, int n, String day, String category) {
        return paid(customer, "o" + n + "-" + customer, "10.00", category, at(day));
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }
}
