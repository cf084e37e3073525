package io.lodestar.recommendation.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.lodestar.platform.problem.InvalidInputException;

/** The period rules every analytics endpoint shares, the hot-list growth and the parameter names of a refusal. */
class AnalyticsPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void theDefaultIsTheLastThirtyDaysAndThePreviousPeriodHasTheSameLength() {
        AnalyticsPeriod period = AnalyticsPeriod.of(null, null, TODAY);
        assertThat(period).isEqualTo(new AnalyticsPeriod(LocalDate.of(2026, 11, 3), TODAY));
        assertThat(period.days()).isEqualTo(30);
        assertThat(period.previous()).isEqualTo(new AnalyticsPeriod(LocalDate.of(2026, 10, 4),
                LocalDate.of(2026, 11, 2)));
        assertThat(AnalyticsPeriod.lastDays(1, TODAY)).isEqualTo(new AnalyticsPeriod(TODAY, TODAY));
        assertThat(AnalyticsPeriod.parse("2026-01-01", "2026-01-01", TODAY).days()).isEqualTo(1);
    }

    @Test
    void badPeriodsNameTheParameter() {
        assertField(() -> AnalyticsPeriod.parse("2026-02-01", "2026-01-01", TODAY), "from");
        assertField(() -> AnalyticsPeriod.parse("2024-01-01", "2025-06-01", TODAY), "from");
        assertField(() -> AnalyticsPeriod.parse("yesterday", null, TODAY), "from");
        assertField(() -> AnalyticsPeriod.parse(null, "2026-13-01", TODAY), "to");
        assertThat(AnalyticsPeriod.parse("2025-01-01", "2026-01-02", TODAY).days()).isEqualTo(367);
    }

    @Test
    void sortKeysRankingsAndPageSizesAreCheckedByName() {
        assertThat(ProductMetric.of("sort", "refundrate")).isEqualTo(ProductMetric.REFUND_RATE);
        assertField(() -> ProductMetric.of("sort", "popularity"), "sort");
        assertThat(HotRanking.of(null)).isEqualTo(HotRanking.REVENUE);
        assertThat(HotRanking.of("revenueGrowth")).isEqualTo(HotRanking.REVENUE_GROWTH);
        assertField(() -> HotRanking.of("hype"), "by");
        assertThat(ProductAnalyticsService.integer("limit", null, 50, 1, 200)).isEqualTo(50);
        assertField(() -> ProductAnalyticsService.integer("limit", "0", 50, 1, 200), "limit");
        assertField(() -> ProductAnalyticsService.integer("limit", "201", 50, 1, 200), "limit");
        assertField(() -> ProductAnalyticsService.integer("days", "ten", 30, 1, 366), "days");
    }

    @Test
    void growthIsRelativeToThePreviousPeriodAndNullForANewSeller() {
        assertThat(HotProductView.growth(new BigDecimal("150"), new BigDecimal("100"))).isEqualTo(0.5);
        assertThat(HotProductView.growth(new BigDecimal("50"), new BigDecimal("100"))).isEqualTo(-0.5);
        assertThat(HotProductView.growth(new BigDecimal("50"), BigDecimal.ZERO)).isNull();
        assertThat(HotProductView.growth(new BigDecimal("50"), null)).isNull();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo(field));
    }
}
