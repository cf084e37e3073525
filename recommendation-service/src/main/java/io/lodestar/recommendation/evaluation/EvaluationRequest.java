package io.lodestar.recommendation.evaluation;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code POST /evaluations} evaluates on; every field is optional. {@link #withDefaults()} fills the gaps, and
 * the stored request is the filled one, so a listed evaluation says exactly what it measured.
 *
 * @param split    {@code time} (default) or {@code leave-last-out}
 * @param testDays for {@code time}: the last this many days are the test period (default 30)
 * @param ks       list lengths to measure (default [10, 20]); coverage and long-tail share are taken at the largest
 */
public record EvaluationRequest(
        @Schema(description = "time (default: the last testDays days are the test period) or leave-last-out "
                + "(each customer's latest positive interaction is held out)", examples = "time")
        SplitMethod split,
        @Schema(description = "Length of the test period in days, for the time split; default 30")
        @Min(1) @Max(365) Integer testDays,
        @Schema(description = "List lengths to measure; default [10, 20]")
        @Size(min = 1, max = 5) List<@NotNull @Min(1) @Max(100) Integer> ks) {

    public static final int DEFAULT_TEST_DAYS = 30;
    public static final List<Integer> DEFAULT_KS = List.of(10, 20);

    /** The request with every absent field at its default; {@code testDays} stays absent for leave-last-out. */
    public EvaluationRequest withDefaults() {
        SplitMethod method = split == null ? SplitMethod.TIME : split;
        Integer days = method == SplitMethod.TIME ? (testDays == null ? DEFAULT_TEST_DAYS : testDays) : null;
        List<Integer> lengths = ks == null ? DEFAULT_KS : ks.stream().distinct().sorted().toList();
        return new EvaluationRequest(method, days, lengths);
    }
}
