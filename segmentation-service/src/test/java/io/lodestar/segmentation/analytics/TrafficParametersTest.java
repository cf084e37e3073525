package io.lodestar.segmentation.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.segmentation.analytics.TrafficParameters.Granularity;
import io.lodestar.segmentation.analytics.TrafficParameters.Period;

class TrafficParametersTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-30");

    @Test
    void defaultsAreTheThirtyDaysUpToTodayPerDayOverEveryChannelWithEveryMetric() {
        var query = TrafficParameters.traffic(new TrafficRequest(null, null, null, null, null), TODAY, 400);
        assertThat(query.period()).isEqualTo(new Period(LocalDate.parse("2026-06-01"), TODAY));
        assertThat(query.granularity()).isEqualTo(Granularity.DAY);
        assertThat(query.channel()).isNull();
        assertThat(query.metrics()).containsExactlyElementsOf(TrafficParameters.METRICS);
    }

    @Test
    void metricsKeepTheirOutputOrderAndChannelsTheirWireNames() {
        var query = TrafficParameters.traffic(new TrafficRequest("2026-06-01", "2026-06-07", "week", "mini_program",
                List.of("uniqueVisitors,pageViews")), TODAY, 400);
        assertThat(query.metrics()).containsExactly("pageViews", "uniqueVisitors");
        assertThat(query.channel()).isEqualTo(Channel.MINI_PROGRAM);
        assertThat(query.granularity()).isEqualTo(Granularity.WEEK);
    }

    @Test
    void everyBadParameterIsNamed() {
        assertFields(new TrafficRequest("2026-13-01", "yesterday", "hour", "tv", List.of("clicks")),
                "from", "to", "granularity", "channel", "metrics");
        assertFields(new TrafficRequest("2026-06-10", "2026-06-01", null, null, null), "from");
        assertFields(new TrafficRequest("2025-01-01", "2026-06-30", null, null, null), "from"); // spans 546 days
        assertFields(new TrafficRequest("2025-05-01", "2025-05-02", null, null, null), "from"); // before the retention
        InvalidInputException segment = catchThrowableOfType(InvalidInputException.class,
                () -> TrafficParameters.heatmap(new HeatmapRequest(null, null, null, "lifecycle"), TODAY, 400));
        assertThat(segment.violations()).extracting(Problem.Violation::field).containsExactly("segment");
        InvalidInputException category = catchThrowableOfType(InvalidInputException.class,
                () -> TrafficParameters.funnel(new FunnelRequest(null, null, "app", " "), TODAY, 400));
        assertThat(category.violations()).extracting(Problem.Violation::field).containsExactly("category");
    }

    @Test
    void bucketsAreIsoWeeksAndCalendarMonthsCutAtThePeriod() {
        Period period = new Period(LocalDate.parse("2026-01-28"), LocalDate.parse("2026-03-03"));
        assertThat(TrafficService.buckets(period, Granularity.MONTH)).containsExactly(
                new Period(LocalDate.parse("2026-01-28"), LocalDate.parse("2026-01-31")),
                new Period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")),
                new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03")));
        List<Period> weeks = TrafficService.buckets(period, Granularity.WEEK);
        assertThat(weeks.get(0)).isEqualTo(new Period(LocalDate.parse("2026-01-28"), LocalDate.parse("2026-02-01")));
        assertThat(weeks.get(1)).isEqualTo(new Period(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-08")));
        assertThat(weeks).hasSize(6);
        assertThat(TrafficService.buckets(period, Granularity.DAY)).hasSize(35);
    }

    @Test
    void bestSendSlotsNeedTheMinimumVolumeAndRankByConversion() {
        List<HeatmapView.Slot> best = SendSlots.best(List.of(
                new TrafficRepository.SlotRow(10, 100, 5),
                new TrafficRepository.SlotRow(11, 19, 19), // too few interactions
                new TrafficRepository.SlotRow(30, 40, 4),
                new TrafficRepository.SlotRow(50, 200, 20),
                new TrafficRepository.SlotRow(167, 50, 1)), 20, 3);
        assertThat(best).extracting(HeatmapView.Slot::hourOfWeek).containsExactly(50, 30, 10);
        assertThat(best.get(0).conversionPercent()).isEqualByComparingTo("10.00");
        assertThat(best.get(0).dayOfWeek()).isEqualTo(3);
        assertThat(best.get(0).hour()).isEqualTo(2);
    }

    private static void assertFields(TrafficRequest request, String... fields) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> TrafficParameters.traffic(request, TODAY, 400));
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(Problem.Violation::field).containsExactlyInAnyOrder(fields);
    }
}
