package io.lodestar.segmentation.analytics;

import static io.lodestar.segmentation.analytics.AnalyticsFixtures.assertBadParameter;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.awaitPaidOrders;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.decimal;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.operator;
import static io.lodestar.segmentation.feature.SegmentationEvents.paid;
import static io.lodestar.segmentation.feature.SegmentationEvents.publishOrders;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.ProblemAssertions;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Cohorts of December 2007 to February 2008, months no other test's orders fall into:
 * <pre>
 *   R1  2007-12-31T23:59:59  2008-01-10                      (December cohort, though it paid in January)
 *   P1  2008-01-05  02-05  03-05  03-25                      (two orders in March count once)
 *   P2  2008-01-31T23:59:59  03-01
 *   P3  2008-01-01T00:00:00
 *   P4  2008-01-15  04-15  05-15                             (May is offset 4, beyond periods=4)
 *   Q1  2008-02-01  02-20
 *   Q2  2008-02-29T23:30  2008-03-01T00:10                   (leap day, then the next UTC month)
 * </pre>
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class CohortsTest {

    private static final String PATH = "/analytics/cohorts";
    private static boolean written;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    private static synchronized void population() {
        if (written) {
            return;
        }
        String run = UUID.randomUUID().toString();
        Map<String, String[]> orders = Map.of(
                "r1", new String[] {"2007-12-31T23:59:59Z", "2008-01-10T10:00:00Z"},
                "p1", new String[] {"2008-01-05T10:00:00Z", "2008-02-05T10:00:00Z", "2008-03-05T10:00:00Z",
                        "2008-03-25T10:00:00Z"},
                "p2", new String[] {"2008-01-31T23:59:59Z", "2008-03-01T10:00:00Z"},
                "p3", new String[] {"2008-01-01T00:00:00Z"},
                "p4", new String[] {"2008-01-15T10:00:00Z", "2008-04-15T10:00:00Z", "2008-05-15T10:00:00Z"},
                "q1", new String[] {"2008-02-01T10:00:00Z", "2008-02-20T10:00:00Z"},
                "q2", new String[] {"2008-02-29T23:30:00Z", "2008-03-01T00:10:00Z"});
        orders.forEach((name, times) -> {
            String customer = name + "-" + run;
            publishOrders(customer, Arrays.stream(times)
                    .map(t -> paid(customer, t + "-" + customer, "10.00", "cohort", Instant.parse(t)))
                    .toArray(String[]::new));
        });
        orders.forEach((name, times) -> awaitPaidOrders(name + "-" + run, times.length));
        written = true;
    }

    @Test
    void eachCohortHasItsSizeAndTheCustomersWhoPaidInEachLaterMonth() {
        population();
        ValidatableResponse r = operator().queryParam("from", "2008-01").queryParam("to", "2008-02")
                .queryParam("periods", "4").get(PATH).then().statusCode(200)
                .body("from", equalTo("2008-01"))
                .body("to", equalTo("2008-02"))
                .body("periods", equalTo(4))
                .body("cohorts.cohort", contains("2008-01", "2008-02"))
                .body("cohorts.customers", contains(4, 2))
                .body("cohorts[0].periods.offset", contains(0, 1, 2, 3))
                .body("cohorts[0].periods.month", contains("2008-01", "2008-02", "2008-03", "2008-04"))
                .body("cohorts[0].periods.customers", contains(4, 1, 2, 1))
                .body("cohorts[0].periods.percent", contains(decimal("100"), decimal("25"), decimal("50"),
                        decimal("25")))
                .body("cohorts[1].periods.month", contains("2008-02", "2008-03", "2008-04", "2008-05"))
                .body("cohorts[1].periods.customers", contains(2, 1, 0, 0))
                .body("cohorts[1].periods.percent", contains(decimal("100"), decimal("50"), decimal("0"),
                        decimal("0")));
        r.body("cohorts", hasSize(2));
    }

    @Test
    void theBoundsSelectCohortsNotOrdersAndPeriodsDefaultToTwelve() {
        population();
        operator().queryParam("from", "2007-12").queryParam("to", "2007-12").get(PATH).then().statusCode(200)
                .body("periods", equalTo(12))
                .body("cohorts.cohort", contains("2007-12"))
                .body("cohorts[0].customers", equalTo(1))
                .body("cohorts[0].periods", hasSize(12))
                .body("cohorts[0].periods[11].month", equalTo("2008-11"))
                .body("cohorts[0].periods.customers", contains(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        // A bound on one side only: February 2008 onwards starts with the February cohort.
        operator().queryParam("from", "2008-02").queryParam("periods", "1").get(PATH).then().statusCode(200)
                .body("to", nullValue())
                .body("cohorts[0].cohort", equalTo("2008-02"))
                .body("cohorts[0].periods.customers", contains(2));
    }

    @Test
    void monthsThatHaveNotBegunHaveNoFigures() {
        Instant now = Instant.now();
        String customer = "now-" + UUID.randomUUID();
        publishOrders(customer, paid(customer, "o-" + customer, "10.00", "cohort", now));
        awaitPaidOrders(customer, 1);
        String month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).toString();
        operator().queryParam("from", month).queryParam("to", month).queryParam("periods", 3).get(PATH).then()
                .statusCode(200)
                .body("cohorts.cohort", contains(month))
                .body("cohorts[0].customers", greaterThanOrEqualTo(1))
                .body("cohorts[0].periods[0].percent", decimal("100"))
                .body("cohorts[0].periods[1].customers", nullValue())
                .body("cohorts[0].periods[2].percent", nullValue());
    }

    @Test
    void badParametersAreNamed() {
        assertBadParameter(operator().queryParam("from", "2008-13").get(PATH).then(), "from");
        assertBadParameter(operator().queryParam("from", "2008-1").get(PATH).then(), "from");
        assertBadParameter(operator().queryParam("to", "January").get(PATH).then(), "to");
        assertBadParameter(operator().queryParam("to", "2008-01-01").get(PATH).then(), "to");
        assertBadParameter(operator().queryParam("from", "2008-03").queryParam("to", "2008-01").get(PATH).then(),
                "from");
        assertBadParameter(operator().queryParam("periods", "0").get(PATH).then(), "periods");
        assertBadParameter(operator().queryParam("periods", "37").get(PATH).then(), "periods");
        assertBadParameter(operator().queryParam("periods", "twelve").get(PATH).then(), "periods");
        ProblemAssertions.problem(operator().queryParam("from", "x").queryParam("periods", "-1").get(PATH).then(), 400)
                .body("violations.field", containsInAnyOrder("from", "periods"))
                .body("violations.message", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString())));
    }

    @Test
    void cohortsNeedTheOperatorOrAdminRole() {
        ProblemAssertions.problem(given().get(PATH).then(), 401);
        ProblemAssertions.problem(given().header("Authorization", TestTokens.bearer(Roles.APP)).get(PATH).then(), 403);
    }
}
