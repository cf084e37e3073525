package io.lodestar.recommendation.forecast;

import static io.lodestar.recommendation.RecommendationApi.putItem;
import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.lodestar.recommendation.RecommendationEvents.paidUnits;
import static io.lodestar.recommendation.RecommendationEvents.publishAll;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Topics;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ForecastTest {

    /** Units sold per weekday: a Saturday peak, a busy Friday and Sunday, quiet early week. */
    private static final Map<DayOfWeek, Integer> WEEKLY_UNITS = Map.of(DayOfWeek.MONDAY, 10, DayOfWeek.TUESDAY, 12,
            DayOfWeek.WEDNESDAY, 11, DayOfWeek.THURSDAY, 13, DayOfWeek.FRIDAY, 20, DayOfWeek.SATURDAY, 40,
            DayOfWeek.SUNDAY, 25);

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void tenWeeksOfDailyOrdersForecastTheWeeklyPeakWithABacktestError() {
        String run = UUID.randomUUID().toString();
        String category = "forecast-" + run;
        String item = "sku-forecast-" + run;
        putItem(item, category, "consumable");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int days = 70;
        String customer = "c-forecast-" + run;
        List<String> orders = new ArrayList<>(days);
        for (int back = days; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            // the week's pattern, plus a little growth so that the trend is not exactly zero
            int units = WEEKLY_UNITS.get(day.getDayOfWeek()) + (days - back) / 14;
            orders.add(paidUnits(customer, "o-" + run + "-" + back, day.atTime(12, 0).toInstant(ZoneOffset.UTC),
                    item, units));
        }
        publishAll(Topics.ORDERS, customer, orders);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/interactions?limit=1000").then().statusCode(200)
                .body("size()", equalTo(days)));

        JsonPath forecast = given().header("Authorization", APP).queryParam("horizon", 28)
                .get("/forecasts/categories/" + category).then().statusCode(200).extract().jsonPath();
        assertThat(forecast.getString("category")).isEqualTo(category);
        assertThat(forecast.getInt("historyDays")).isEqualTo(days);
        assertThat(forecast.getString("firstHistoryDay")).isEqualTo(today.minusDays(days).toString());
        assertThat(forecast.getString("lastHistoryDay")).isEqualTo(today.minusDays(1).toString());
        assertThat(forecast.getInt("horizonDays")).isEqualTo(28);
        List<String> dates = forecast.getList("points.date", String.class);
        List<Float> expected = forecast.getList("points.forecast", Float.class);
        assertThat(dates).hasSize(28).first().isEqualTo(today.toString());
        for (int week = 0; week < 4; week++) {
            int peak = week * 7;
            for (int d = week * 7; d < week * 7 + 7; d++) {
                peak = expected.get(d) > expected.get(peak) ? d : peak;
            }
            assertThat(LocalDate.parse(dates.get(peak)).getDayOfWeek()).as("peak of forecast week %d", week)
                    .isEqualTo(DayOfWeek.SATURDAY);
        }
        for (int d = 0; d < 28; d++) {
            assertThat(forecast.getFloat("points[" + d + "].lower")).isLessThanOrEqualTo(expected.get(d));
            assertThat(forecast.getFloat("points[" + d + "].upper")).isGreaterThanOrEqualTo(expected.get(d));
        }
        assertThat(forecast.getString("model.seasonality")).isEqualTo("additive");
        assertThat(forecast.getInt("model.period")).isEqualTo(7);
        assertThat(forecast.getFloat("model.alpha")).isBetween(0f, 1f);
        assertThat(forecast.getInt("backtest.holdoutDays")).isEqualTo(14); // min(28, 70 / 5)
        assertThat(forecast.getInt("backtest.scoredDays")).isEqualTo(14);
        assertThat(forecast.getFloat("backtest.mape")).as("a clean weekly pattern is easy").isBetween(0f, 0.2f);

        // the default horizon is 90 days
        given().header("Authorization", OPERATOR).get("/forecasts/categories/" + category).then().statusCode(200)
                .body("horizonDays", equalTo(90)).body("points.size()", equalTo(90));
    }

    @Test
    void tooLittleHistoryIsAConflictThatSaysHowManyDaysAreNeeded() {
        String run = UUID.randomUUID().toString();
        String category = "forecast-short-" + run;
        String item = "sku-short-" + run;
        putItem(item, category, "consumable");
        problem(given().header("Authorization", APP).get("/forecasts/categories/" + category).then(), 409)
                .body("detail", containsString("at least 17 days")).body("detail", containsString("it has 0"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String customer = "c-short-" + run;
        List<String> orders = new ArrayList<>();
        for (int back = 5; back >= 1; back--) {
            orders.add(paidUnits(customer, "o-" + run + "-" + back,
                    today.minusDays(back).atTime(9, 0).toInstant(ZoneOffset.UTC), item, 3));
        }
        publishAll(Topics.ORDERS, customer, orders);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/interactions").then().statusCode(200).body("size()", equalTo(5)));
        problem(given().header("Authorization", APP).get("/forecasts/categories/" + category).then(), 409)
                .body("detail", containsString("at least 17 days")).body("detail", containsString("it has 5"));
    }

    @Test
    void badHorizonsUnknownCategoriesAndMissingTokensAreProblems() {
        String unknown = "no-such-category-" + UUID.randomUUID();
        problem(given().header("Authorization", APP).get("/forecasts/categories/" + unknown).then(), 404)
                .body("detail", containsString(unknown));
        for (String horizon : List.of("0", "366", "-5")) {
            problem(given().header("Authorization", APP).queryParam("horizon", horizon)
                    .get("/forecasts/categories/" + unknown).then(), 400)
                    .body("violations[0].field", equalTo("horizon"));
        }
        problem(given().header("Authorization", APP).queryParam("horizon", "soon")
                .get("/forecasts/categories/" + unknown).then(), 400);
        problem(given().get("/forecasts/categories/" + unknown).then(), 401);
    }
}
