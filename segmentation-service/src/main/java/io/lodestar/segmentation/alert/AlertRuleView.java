package io.lodestar.segmentation.alert;

import java.time.Instant;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.alert.Severity;

/** A rule as the API shows it; {@code evaluatedUntil} is the end of the last closed hour evaluated. */
public record AlertRuleView(String id, String name, RuleKind kind, String metric, Channel channel,
        Comparison comparison, Double threshold, int windowHours, Integer weeks, Double band, Integer minBaselineWeeks,
        double minVolume, Severity severity, int resolveAfterHours, boolean enabled, Instant evaluatedUntil,
        Instant createdAt, Instant updatedAt) {

    static AlertRuleView of(AlertRule r) {
        return new AlertRuleView(r.id(), r.name(), r.kind(), r.metric(), r.channel(), r.comparison(), r.threshold(),
                r.windowHours(), r.weeks(), r.band(), r.minBaselineWeeks(), r.minVolume(), r.severity(),
                r.resolveAfterHours(), r.enabled(), r.evaluatedUntil(), r.createdAt(), r.updatedAt());
    }
}
