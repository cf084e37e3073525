package io.lodestar.segmentation.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;

class AnalyticsParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void valueConcentrationDefaultsToNowTheWholeHistoryAndTheStandardPoints() {
        var query = AnalyticsParameters.concentration(new ValueConcentrationRequest(null, null, null), NOW);
        assertThat(query.asOf()).isEqualTo(NOW);
        assertThat(query.windowDays()).isNull();
        assertThat(query.windowStart()).isNull();
        assertThat(query.points()).extracting(BigDecimal::intValue).containsExactly(1, 5, 10, 15, 20, 30, 50, 80, 100);
    }

    @Test
    void theWindowStartsWholeDaysBeforeAsOfAndPointsAreSortedAndDistinct() {
        var query = AnalyticsParameters.concentration(new ValueConcentrationRequest("2004-01-01T00:00:00Z", "365",
                List.of("50, 12.5", "100", "50.00")), NOW);
        assertThat(query.windowStart()).isEqualTo(Instant.parse("2003-01-01T00:00:00Z"));
        assertThat(query.points()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12.5"), new BigDecimal("50"), new BigDecimal("100"));
    }

    @Test
    void everyBadValueConcentrationParameterIsNamed() {
        assertFields(() -> AnalyticsParameters.concentration(
                new ValueConcentrationRequest("2004-01-01", "-1", List.of("0")), NOW), "asOf", "windowDays", "points");
        assertFields(() -> AnalyticsParameters.concentration(
                new ValueConcentrationRequest(null, "36501", List.of("100.00001")), NOW), "windowDays", "points");
        assertFields(() -> AnalyticsParameters.concentration(
                new ValueConcentrationRequest(null, "1.5", List.of("1e2")), NOW), "windowDays", "points");
    }

    @Test
    void repurchaseCycleAcceptsTheContractsAgeBandsAndUnknown() {
        assertThat(AnalyticsParameters.ageBandLabels())
                .containsExactly("under-18", "18-24", "25-34", "35-44", "45-54", "55-plus", "unknown");
        assertThat(AnalyticsParameters.cycle(new RepurchaseCycleRequest("beauty", "unknown", null), NOW).ageBand())
                .isEqualTo("unknown");
        assertThat(AnalyticsParameters.cycle(new RepurchaseCycleRequest(null, "55-plus", null), NOW).asOf())
                .isEqualTo(NOW);
        assertFields(() -> AnalyticsParameters.cycle(new RepurchaseCycleRequest("", "teens", "now"), NOW),
                "asOf", "category", "ageBand");
    }

    @Test
    void cohortsTakeMonthsAndAPeriodCount() {
        var query = AnalyticsParameters.cohorts(new CohortRequest("2008-01", "2008-01", "36"));
        assertThat(query.from()).isEqualTo(YearMonth.of(2008, 1));
        assertThat(query.periods()).isEqualTo(36);
        assertThat(AnalyticsParameters.cohorts(new CohortRequest(null, null, null)).periods()).isEqualTo(12);
        assertFields(() -> AnalyticsParameters.cohorts(new CohortRequest("2008-00", "+12008-01", "37")),
                "from", "to", "periods");
        assertFields(() -> AnalyticsParameters.cohorts(new CohortRequest("2008-02", "2008-01", null)), "from");
    }

    private static void assertFields(Runnable parse, String... fields) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly(fields));
    }
}
