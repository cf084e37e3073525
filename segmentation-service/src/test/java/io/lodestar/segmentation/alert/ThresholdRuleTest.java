package io.lodestar.segmentation.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    static final Instant H0 = Instant.parse("2030-01-07T10:00:00Z");
    static final Instant H1 = Instant.parse("2030-01-07T11:00:00Z");
    static final Instant H2 = Instant.parse("2030-01-07T12:00:00Z");
    /** Refund rate above 8%, judged from 20 paid orders up. */
    static final ThresholdRule REFUND_RATE = new ThresholdRule(Comparison.ABOVE, 0.08, 20);

    @Test
    void aRatioWindowIsWeightedByVolume() {
        // 5 refunds of 100 orders, then 15 of 100: 20 of 200 = 10%; a third hour of 2 orders weighs little
        List<HourlyValue> series = List.of(new HourlyValue(H0, 0.05, 100), new HourlyValue(H1, 0.15, 100),
                new HourlyValue(H2, 0.5, 2));

        MetricWindow twoHours = MetricWindow.of(series, H0, H2, true);
        MetricWindow threeHours = MetricWindow.of(series, H0, H2.plusSeconds(3600), true);

        assertThat(twoHours.value()).isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(twoHours.volume()).isEqualTo(200);
        assertThat(threeHours.value()).isEqualTo(21.0 / 202, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(REFUND_RATE.evaluate(twoHours).outcome()).isEqualTo(Verdict.Outcome.ANOMALOUS);
    }

    @Test
    void belowTheLimitIsNormalAndAQuietHourPagesNobody() {
        Verdict normal = REFUND_RATE.evaluate(new MetricWindow(0.05, 120));
        Verdict quiet = REFUND_RATE.evaluate(new MetricWindow(0.5, 4)); // 2 refunds of 4 orders at night

        assertThat(normal.outcome()).isEqualTo(Verdict.Outcome.NORMAL);
        assertThat(normal.upper()).isEqualTo(0.08);
        assertThat(normal.lower()).isNull();
        assertThat(quiet.outcome()).isEqualTo(Verdict.Outcome.QUIET);
    }

    @Test
    void aBelowRuleAlertsUnderTheLimitAndMissingHoursCountAsZero() {
        ThresholdRule fewOrders = new ThresholdRule(Comparison.BELOW, 10, 0);
        List<HourlyValue> series = List.of(new HourlyValue(H0, 30, 30));

        assertThat(fewOrders.evaluate(MetricWindow.of(series, H0, H1, false)).outcome())
                .isEqualTo(Verdict.Outcome.NORMAL);
        assertThat(fewOrders.evaluate(MetricWindow.of(series, H1, H2, false)).outcome())
                .isEqualTo(Verdict.Outcome.ANOMALOUS);
        assertThatThrownBy(() -> new ThresholdRule(Comparison.OUTSIDE, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
