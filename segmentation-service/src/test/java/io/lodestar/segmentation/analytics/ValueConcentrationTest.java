package io.lodestar.segmentation.analytics;

import static io.lodestar.segmentation.analytics.AnalyticsFixtures.assertBadParameter;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.awaitFeatures;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.awaitPaidOrders;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.decimal;
import static io.lodestar.segmentation.analytics.AnalyticsFixtures.operator;
import static io.lodestar.segmentation.feature.SegmentationEvents.paid;
import static io.lodestar.segmentation.feature.SegmentationEvents.publishOrders;
import static io.lodestar.segmentation.feature.SegmentationEvents.refunded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.customer.GuestCustomers;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.ProblemAssertions;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Each test writes its own customers in a window nobody else's facts fall into (2003, June 1999, 1899), and asks for
 * exactly that window, so the figures computed by hand below hold whatever else the module's tests have written.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ValueConcentrationTest {

    private static final String PATH = "/analytics/value-concentration";

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void tenCustomersGiveTheLorenzTableTheRevenueThresholdsAndTheGiniCoefficient() {
        // Net revenue in 2003: 1000 (two orders), 500, 200, 100, 100, 50, 30, 20, 0 (paid 50, refunded 50) and -80
        // (paid in 2002, refunded in 2003): ten customers, 2000 of revenue, 1920 net.
        String run = UUID.randomUUID().toString();
        List<String> c = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            c.add("vc" + i + "-" + run);
        }
        Instant feb = Instant.parse("2003-02-01T10:00:00Z");
        // A guest's order in the window, published first on c1's partition: once c1's orders are in, it was seen.
        String guest = GuestCustomers.forOrder("g-" + run);
        publishOrders(c.get(0), paid(guest, "g-" + run, "5000.00", "vc", feb),
                paid(c.get(0), "o1-" + c.get(0), "600.00", "vc", feb),
                paid(c.get(0), "o2-" + c.get(0), "400.00", "vc", Instant.parse("2003-12-31T23:59:59Z")));
        String[] amounts = {null, "500.00", "200.00", "100.00", "100.00", "50.00", "30.00", "20.00"};
        for (int i = 1; i < amounts.length; i++) {
            publishOrders(c.get(i), paid(c.get(i), "o-" + c.get(i), amounts[i], "vc", feb));
        }
        // c2 pays again after asOf: not in the window.
        publishOrders(c.get(1), paid(c.get(1), "late-" + c.get(1), "999.00", "vc", Instant.parse("2004-01-05T10:00:00Z")));
        publishOrders(c.get(8), paid(c.get(8), "o-" + c.get(8), "50.00", "vc", feb),
                refunded(c.get(8), "o-" + c.get(8), "50.00", Instant.parse("2003-04-01T10:00:00Z")));
        publishOrders(c.get(9), paid(c.get(9), "o-" + c.get(9), "80.00", "vc", Instant.parse("2002-06-01T10:00:00Z")),
                refunded(c.get(9), "o-" + c.get(9), "80.00", Instant.parse("2003-04-01T10:00:00Z")));

        awaitPaidOrders(c.get(0), 2);
        awaitPaidOrders(c.get(1), 2);
        for (int i = 2; i < 8; i++) {
            awaitPaidOrders(c.get(i), 1);
        }
        awaitFeatures(c.get(8), f -> f.body("refundedAmount", decimal("50")));
        awaitFeatures(c.get(9), f -> f.body("refundedAmount", decimal("80")));

        // Sorted: 1000 500 200 100 100 50 30 20 0 0; running sums 1000 1500 1700 1800 1900 1950 1980 2000 2000 2000.
        ValidatableResponse r = operator().queryParam("asOf", "2004-01-01T00:00:00Z").queryParam("windowDays", 365)
                .get(PATH).then().statusCode(200)
                .body("asOf", equalTo("2004-01-01T00:00:00Z"))
                .body("windowStart", equalTo("2003-01-01T00:00:00Z"))
                .body("windowDays", equalTo(365))
                .body("customers", equalTo(10))
                .body("customersWithRevenue", equalTo(8))
                .body("totalRevenue", decimal("2000"))
                .body("netRevenue", decimal("1920"))
                // (n + 1)/n - 2·Σ rank·x/(n·T) = 1.1 - 2·4170/20000
                .body("gini", decimal("0.683"))
                .body("points", hasSize(9));
        String[][] table = {
                // top %, customers, revenue, % of revenue
                {"1", "0.1", "100", "5"},       // a tenth of the first customer
                {"5", "0.5", "500", "25"},
                {"10", "1", "1000", "50"},
                {"15", "1.5", "1250", "62.5"},  // the first plus half the second
                {"20", "2", "1500", "75"},
                {"30", "3", "1700", "85"},
                {"50", "5", "1900", "95"},
                {"80", "8", "2000", "100"},
                {"100", "10", "2000", "100"}};
        for (int i = 0; i < table.length; i++) {
            r.body("points[" + i + "].customerPercent", decimal(table[i][0]))
                    .body("points[" + i + "].customers", decimal(table[i][1]))
                    .body("points[" + i + "].revenue", decimal(table[i][2]))
                    .body("points[" + i + "].revenuePercent", decimal(table[i][3]));
        }
        // 50% = 1000 is reached by the first customer exactly; 80% = 1600 half-way through the third (1500 + 100/200).
        r.body("revenueThresholds", hasSize(2))
                .body("revenueThresholds[0].revenuePercent", decimal("50"))
                .body("revenueThresholds[0].customers", decimal("1"))
                .body("revenueThresholds[0].customerPercent", decimal("10"))
                .body("revenueThresholds[1].revenuePercent", decimal("80"))
                .body("revenueThresholds[1].customers", decimal("2.5"))
                .body("revenueThresholds[1].customerPercent", decimal("25"));
    }

    @Test
    void theWindowIncludesBothEndsAndChosenPointsComeSortedWithoutDuplicates() {
        String run = UUID.randomUUID().toString();
        String a = "vca-" + run;
        String b = "vcb-" + run;
        String before = "vcc-" + run;
        String after = "vcd-" + run;
        Instant start = Instant.parse("1999-06-01T00:00:00Z");
        Instant asOf = Instant.parse("1999-07-01T00:00:00Z");
        publishOrders(a, paid(a, "o-" + a, "300.00", "vc", start));
        publishOrders(b, paid(b, "o-" + b, "100.00", "vc", asOf));
        publishOrders(before, paid(before, "o-" + before, "50.00", "vc", start.minusSeconds(1)));
        publishOrders(after, paid(after, "o-" + after, "25.00", "vc", asOf.plusSeconds(1)));
        for (String customer : List.of(a, b, before, after)) {
            awaitPaidOrders(customer, 1);
        }

        operator().queryParam("asOf", asOf.toString()).queryParam("windowDays", "30")
                .queryParam("points", "50,12.5").queryParam("points", "100").queryParam("points", "50.0")
                .get(PATH).then().statusCode(200)
                .body("customers", equalTo(2))
                .body("totalRevenue", decimal("400"))
                .body("gini", decimal("0.25")) // 1.5 - 2·(300 + 200)/800
                .body("points.customerPercent", contains(decimal("12.5"), decimal("50"), decimal("100")))
                .body("points.customers", contains(decimal("0.25"), decimal("1"), decimal("2")))
                .body("points.revenue", contains(decimal("75"), decimal("300"), decimal("400")))
                .body("points.revenuePercent", contains(decimal("18.75"), decimal("75"), decimal("100")))
                // 200 of 300: two thirds of the first customer; 320: the first and a fifth of the second.
                .body("revenueThresholds.customers", contains(decimal("0.67"), decimal("1.2")))
                .body("revenueThresholds.customerPercent", contains(decimal("33.33"), decimal("60")));
    }

    @Test
    void aWindowWithoutCustomersHasNoShares() {
        operator().queryParam("asOf", "1900-01-01T00:00:00Z").queryParam("windowDays", 1).queryParam("points", 10)
                .get(PATH).then().statusCode(200)
                .body("customers", equalTo(0))
                .body("totalRevenue", decimal("0"))
                .body("gini", nullValue())
                .body("points[0].revenue", decimal("0"))
                .body("points[0].revenuePercent", nullValue())
                .body("revenueThresholds.customerPercent", contains(nullValue(), nullValue()));
    }

    @Test
    void byDefaultTheWholeHistoryUpToNowAtTheStandardPoints() {
        operator().get(PATH).then().statusCode(200)
                .body("asOf", notNullValue())
                .body("windowStart", nullValue())
                .body("windowDays", nullValue())
                .body("points.customerPercent", contains(decimal("1"), decimal("5"), decimal("10"), decimal("15"),
                        decimal("20"), decimal("30"), decimal("50"), decimal("80"), decimal("100")))
                .body("revenueThresholds.revenuePercent", contains(decimal("50"), decimal("80")));
    }

    @Test
    void badParametersAreNamed() {
        assertBadParameter(operator().queryParam("asOf", "2004-01-01").get(PATH).then(), "asOf");
        assertBadParameter(operator().queryParam("windowDays", "-1").get(PATH).then(), "windowDays");
        assertBadParameter(operator().queryParam("windowDays", "0").get(PATH).then(), "windowDays");
        assertBadParameter(operator().queryParam("windowDays", "ten").get(PATH).then(), "windowDays");
        assertBadParameter(operator().queryParam("points", "0").get(PATH).then(), "points");
        assertBadParameter(operator().queryParam("points", "10,100.5").get(PATH).then(), "points");
        assertBadParameter(operator().queryParam("points", "-5").get(PATH).then(), "points");
        assertBadParameter(operator().queryParam("points", "ten").get(PATH).then(), "points");
        assertBadParameter(operator().queryParam("points", "10,,20").get(PATH).then(), "points");
        ProblemAssertions.problem(operator().queryParam("asOf", "yesterday").queryParam("windowDays", "-3")
                        .get(PATH).then(), 400)
                .body("violations.field", containsInAnyOrder("asOf", "windowDays"));
    }

    @Test
    void analyticsNeedTheOperatorOrAdminRole() {
        ProblemAssertions.problem(given().get(PATH).then(), 401);
        ProblemAssertions.problem(given().header("Authorization", TestTokens.bearer(Roles.APP)).get(PATH).then(), 403);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get(PATH).then().statusCode(200);
    }
}
