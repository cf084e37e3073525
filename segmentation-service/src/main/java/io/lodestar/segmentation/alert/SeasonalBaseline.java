package io.lodestar.segmentation.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A seasonal baseline: the same window (same hours of the same weekday) in each of the last {@code weeks} weeks. The
 * expected value is their <b>median</b> and the normal band is {@code expected × (1 ± band)}, e.g. band 0.4: an hour
 * with 40% fewer orders than usual for a Monday 14:00 is a drop.
 * <p>
 * Why a relative band around the median rather than k × stddev or k × MAD: with 4 to 8 points per weekday-hour a
 * standard deviation or MAD is itself very noisy (two equal past weeks give MAD 0, and every deviation alerts), and one
 * past incident inflates a stddev for weeks. The median ignores one bad week out of three or more, and a relative band
 * reads the way operators set it ("orders −40%").
 * <p>
 * A past week counts as present when its window has any volume; with fewer than {@code minBaselineWeeks} present
 * nothing is decided (a new shop, a new channel). The window is quiet, and pages nobody, when both its volume and the
 * baseline's (median) volume are below {@code minVolume}: a collapse to zero from a busy baseline is not quiet. Pure.
 */
public record SeasonalBaseline(int weeks, double band, int minBaselineWeeks, double minVolume, Comparison comparison) {

    static final Duration WEEK = Duration.ofDays(7);

    public SeasonalBaseline {
        if (weeks < 1 || minBaselineWeeks < 1 || minBaselineWeeks > weeks) {
            throw new IllegalArgumentException("need 1 <= minBaselineWeeks <= weeks, was " + minBaselineWeeks
                    + " of " + weeks);
        }
        if (!(band > 0)) {
            throw new IllegalArgumentException("band must be positive, was " + band);
        }
    }

    /** How far back a series must reach for a window starting at {@code from}. */
    public Instant seriesStart(Instant from) {
        return from.minus(WEEK.multipliedBy(weeks));
    }

    /** Judges the window {@code [from, to)} of {@code series} against the same window in past weeks. */
    public Verdict evaluate(List<HourlyValue> series, Instant from, Instant to, boolean ratio) {
        MetricWindow current = MetricWindow.of(series, from, to, ratio);
        List<MetricWindow> past = new ArrayList<>(weeks);
        for (int week = 1; week <= weeks; week++) {
            Duration back = WEEK.multipliedBy(week);
            past.add(MetricWindow.of(series, from.minus(back), to.minus(back), ratio));
        }
        return evaluate(current, past);
    }

    /** Judges {@code current} against {@code pastWeeks} (one week ago first). */
    public Verdict evaluate(MetricWindow current, List<MetricWindow> pastWeeks) {
        List<MetricWindow> present = pastWeeks.stream().filter(w -> w.volume() > 0).toList();
        if (present.size() < minBaselineWeeks) {
            return new Verdict(Verdict.Outcome.INSUFFICIENT_BASELINE, current.value(), null, null, null,
                    present.size() + " of " + pastWeeks.size() + " past weeks with data, " + minBaselineWeeks
                            + " needed");
        }
        double expected = median(present.stream().mapToDouble(MetricWindow::value).toArray());
        double expectedVolume = median(present.stream().mapToDouble(MetricWindow::volume).toArray());
        if (current.volume() < minVolume && expectedVolume < minVolume) {
            return new Verdict(Verdict.Outcome.QUIET, current.value(), expected, null, null,
                    String.format(Locale.ROOT, "volume %s and usual volume %s below the minimum %s",
                            Numbers.format(current.volume()), Numbers.format(expectedVolume),
                            Numbers.format(minVolume)));
        }
        double lower = Math.max(0, expected * (1 - band));
        double upper = expected * (1 + band);
        boolean low = current.value() < lower;
        boolean high = current.value() > upper;
        boolean anomalous = comparison == Comparison.BELOW ? low : comparison == Comparison.ABOVE ? high : low || high;
        String explanation = String.format(Locale.ROOT, "median of %d past week(s) %s, normal %s to %s",
                present.size(), Numbers.format(expected), Numbers.format(lower), Numbers.format(upper));
        return Verdict.judged(anomalous, current.value(), expected, comparison == Comparison.ABOVE ? null : lower,
                comparison == Comparison.BELOW ? null : upper, explanation);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
