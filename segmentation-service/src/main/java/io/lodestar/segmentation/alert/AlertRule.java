package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.alert.Severity;

/** A stored rule with every default applied (a row of {@code alert_rule}); the seasonal fields are null for thresholds. */
public record AlertRule(String id, String name, RuleKind kind, String metric, Channel channel, Comparison comparison,
        Double threshold, int windowHours, Integer weeks, Double band, Integer minBaselineWeeks, double minVolume,
        Severity severity, int resolveAfterHours, boolean enabled, Instant evaluatedUntil, Instant createdAt,
        Instant updatedAt) {

    /** The slice alerts name, e.g. {@code channel=live_stream}; null for all channels. */
    public String dimension() {
        return channel == null ? null : "channel=" + WireNames.of(channel);
    }

    /** Where the series must start for the window {@code [from, …)}. */
    Instant seriesStart(Instant from) {
        return kind == RuleKind.SEASONAL ? seasonal().seriesStart(from) : from;
    }

    /** Judges the window {@code [from, to)} of {@code series}. */
    Verdict evaluate(List<HourlyValue> series, Instant from, Instant to, boolean ratio) {
        return kind == RuleKind.SEASONAL ? seasonal().evaluate(series, from, to, ratio)
                : new ThresholdRule(comparison, threshold, minVolume).evaluate(MetricWindow.of(series, from, to, ratio));
    }

    private SeasonalBaseline seasonal() {
        return new SeasonalBaseline(weeks, band, minBaselineWeeks, minVolume, comparison);
    }
}
