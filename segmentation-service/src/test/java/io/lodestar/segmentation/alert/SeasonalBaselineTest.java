package io.lodestar.segmentation.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {

    /** 4 past weeks, ±40% around their median, at least 2 weeks with data, quiet below 20 orders. */
    static final SeasonalBaseline RULE = new SeasonalBaseline(4, 0.4, 2, 20, Comparison.OUTSIDE);
    /** Weeks 0-3 are the baseline of week 4, the week judged. */
    static final int WEEKS = 5;

    @Test
    void aNormalWeekRaisesNothingAndItsNightsAreQuiet() {
        List<HourlyValue> series = SyntheticOrders.weeks(WEEKS, 1);

        List<Verdict> week = judgeWeek(series, 4);

        assertThat(week).hasSize(168).noneMatch(v -> v.outcome() == Verdict.Outcome.ANOMALOUS);
        assertThat(week.stream().filter(v -> v.outcome() == Verdict.Outcome.QUIET)).hasSize(7 * 7); // 00:00-06:59
        assertThat(week.stream().filter(v -> v.outcome() == Verdict.Outcome.NORMAL)).hasSize(168 - 49);
    }

    @Test
    void aPlantedDropAlertsOnItsHourOnly() {
        Instant wednesday14 = SyntheticOrders.hour(4, 2, 14);
        List<HourlyValue> series = SyntheticOrders.planted(SyntheticOrders.weeks(WEEKS, 2), wednesday14, 0.4);

        Verdict drop = RULE.evaluate(series, wednesday14, wednesday14.plus(Duration.ofHours(1)), false);

        assertThat(drop.outcome()).isEqualTo(Verdict.Outcome.ANOMALOUS);
        assertThat(drop.observed()).isLessThan(drop.lower());
        assertThat(drop.expected()).isBetween(63.0, 77.0); // the Wednesday-14:00 median of weeks 0-3
        assertThat(anomalousHours(series, 4)).containsExactly(wednesday14);
    }

    @Test
    void aPlantedSpikeAlertsOnItsHourOnly() {
        Instant friday20 = SyntheticOrders.hour(4, 4, 20);
        List<HourlyValue> series = SyntheticOrders.planted(SyntheticOrders.weeks(WEEKS, 3), friday20, 1.9);

        Verdict spike = RULE.evaluate(series, friday20, friday20.plus(Duration.ofHours(1)), false);

        assertThat(spike.outcome()).isEqualTo(Verdict.Outcome.ANOMALOUS);
        assertThat(spike.observed()).isGreaterThan(spike.upper());
        assertThat(anomalousHours(series, 4)).containsExactly(friday20);
    }

    @Test
    void aOneSidedRuleIgnoresTheOtherSide() {
        Instant friday20 = SyntheticOrders.hour(4, 4, 20);
        List<HourlyValue> series = SyntheticOrders.planted(SyntheticOrders.weeks(WEEKS, 3), friday20, 1.9);
        SeasonalBaseline dropsOnly = new SeasonalBaseline(4, 0.4, 2, 20, Comparison.BELOW);

        Verdict spike = dropsOnly.evaluate(series, friday20, friday20.plus(Duration.ofHours(1)), false);

        assertThat(spike.outcome()).isEqualTo(Verdict.Outcome.NORMAL);
        assertThat(spike.upper()).isNull();
    }

    @Test
    void anIncidentInOnePastWeekDoesNotMoveTheMedianBaseline() {
        Instant tuesday15 = SyntheticOrders.hour(4, 1, 15);
        List<HourlyValue> series = SyntheticOrders.planted(SyntheticOrders.weeks(WEEKS, 4),
                tuesday15.minus(Duration.ofDays(14)), 0.0); // an outage two weeks ago, same hour

        Verdict normal = RULE.evaluate(series, tuesday15, tuesday15.plus(Duration.ofHours(1)), false);

        assertThat(normal.outcome()).isEqualTo(Verdict.Outcome.NORMAL);
        assertThat(normal.expected()).isBetween(63.0, 77.0);
    }

    @Test
    void aCollapseToZeroFromABusyBaselineIsNotQuiet() {
        Instant monday19 = SyntheticOrders.hour(4, 0, 19);
        List<HourlyValue> series = SyntheticOrders.planted(SyntheticOrders.weeks(WEEKS, 5), monday19, 0.0);

        Verdict collapse = RULE.evaluate(series, monday19, monday19.plus(Duration.ofHours(1)), false);

        assertThat(collapse.outcome()).isEqualTo(Verdict.Outcome.ANOMALOUS);
        assertThat(collapse.observed()).isZero();
    }

    @Test
    void tooFewPastWeeksWithDataDecideNothing() {
        List<HourlyValue> series = SyntheticOrders.weeks(WEEKS, 6).stream()
                .filter(p -> !p.hour().isBefore(SyntheticOrders.hour(3, 0, 0))).toList(); // the shop opened in week 3
        Instant hour = SyntheticOrders.hour(4, 3, 14);

        Verdict verdict = RULE.evaluate(series, hour, hour.plus(Duration.ofHours(1)), false);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INSUFFICIENT_BASELINE);
        assertThat(verdict.expected()).isNull();
    }

    @Test
    void aWindowOfSeveralHoursComparesTheSameHoursOfPastWeeks() {
        Instant thursday12 = SyntheticOrders.hour(4, 3, 12);
        List<HourlyValue> series = SyntheticOrders.weeks(WEEKS, 7);
        for (int h = 0; h < 3; h++) {
            series = SyntheticOrders.planted(series, thursday12.plus(Duration.ofHours(h)), 0.5);
        }

        Verdict window = RULE.evaluate(series, thursday12, thursday12.plus(Duration.ofHours(3)), false);

        assertThat(window.outcome()).isEqualTo(Verdict.Outcome.ANOMALOUS);
        assertThat(window.expected()).isBetween(3 * 63.0, 3 * 77.0);
    }

    @Test
    void theBaselineNeedsConsistentParameters() {
        assertThatThrownBy(() -> new SeasonalBaseline(4, 0.4, 5, 0, Comparison.OUTSIDE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeasonalBaseline(4, 0, 2, 0, Comparison.OUTSIDE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SeasonalBaseline.median(new double[] {5, 1, 3, 100})).isEqualTo(4);
    }

    private static List<Verdict> judgeWeek(List<HourlyValue> series, int week) {
        List<Verdict> verdicts = new ArrayList<>(168);
        for (int h = 0; h < 168; h++) {
            Instant from = SyntheticOrders.hour(week, 0, 0).plus(Duration.ofHours(h));
            verdicts.add(RULE.evaluate(series, from, from.plus(Duration.ofHours(1)), false));
        }
        return verdicts;
    }

    private static List<Instant> anomalousHours(List<HourlyValue> series, int week) {
        List<Instant> hours = new ArrayList<>();
        List<Verdict> verdicts = judgeWeek(series, week);
        for (int h = 0; h < verdicts.size(); h++) {
            if (verdicts.get(h).outcome() == Verdict.Outcome.ANOMALOUS) {
                hours.add(SyntheticOrders.hour(week, 0, 0).plus(Duration.ofHours(h)));
            }
        }
        return hours;
    }
}
