package io.lodestar.segmentation.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.alert.Severity;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An alert rule as operators define it; the fields of the other kind must be left out. Defaults: windowHours 1,
 * seasonal weeks 4, band 0.4, minBaselineWeeks half the weeks (rounded up), comparison {@code outside}; minVolume 0,
 * severity warning, resolveAfterHours {@code lodestar.alerts.resolve-after-hours}, enabled.
 */
@Schema(description = "e.g. {\"name\":\"Orders collapse\",\"kind\":\"seasonal\",\"metric\":\"orders.paid.count\","
        + "\"comparison\":\"below\",\"weeks\":4,\"band\":0.4,\"minVolume\":20,\"severity\":\"critical\"} or "
        + "{\"name\":\"Refund rate\",\"kind\":\"threshold\",\"metric\":\"orders.refund.rate\",\"comparison\":\"above\","
        + "\"threshold\":0.08,\"minVolume\":20}")
public record AlertRuleRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull RuleKind kind,
        @NotBlank @Schema(description = "a name from GET /alert-rules/metrics, e.g. orders.paid.count") String metric,
        @Schema(description = "watch one order channel; absent: all channels together") Channel channel,
        @Schema(description = "threshold: above or below (required); seasonal: above, below or outside (default)")
        Comparison comparison,
        @Schema(description = "threshold rules only: the limit") Double threshold,
        @Min(1) @Max(168) @Schema(description = "the window: the last N closed hours (default 1)") Integer windowHours,
        @Min(1) @Max(12) @Schema(description = "seasonal only: past weeks in the baseline (default 4)") Integer weeks,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10")
        @Schema(description = "seasonal only: the normal band as a relative deviation from the baseline median "
                + "(default 0.4: ±40%)") Double band,
        @Min(1) @Schema(description = "seasonal only: past weeks with data needed for a baseline") Integer minBaselineWeeks,
        @PositiveOrZero @Schema(description = "below this volume (in the window and, seasonal, in the baseline) the "
                + "window is quiet and pages nobody (default 0)") Double minVolume,
        Severity severity,
        @Min(1) @Max(168) @Schema(description = "consecutive normal hours that resolve an alert") Integer resolveAfterHours,
        Boolean enabled) {
}
