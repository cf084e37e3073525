package io.lodestar.campaign.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decision on an experiment together with the evidence for it, so that an operator can see not only "B wins"
 * but the rates, interval and p-value behind it.
 *
 * @param outcome        what the data supports
 * @param winner         the winning variant; null unless {@code outcome} is {@link Outcome#WINNER}
 * @param best           the variant with the highest conversion rate; null when nothing was compared
 * @param baseline       the group variants were compared with: {@code "control"}, or the first variant when the
 *                       experiment has no control group; null for {@link Outcome#NO_CONTROL}
 * @param comparisons    each compared variant against the baseline, in the order the groups were given
 * @param correctedAlpha the Bonferroni threshold each p-value had to beat: alpha / number of variants compared
 * @param summary        one sentence for an operator
 */
public record Verdict(Outcome outcome, String winner, String best, String baseline,
        Map<String, Comparison> comparisons, double correctedAlpha, String summary) {

    public Verdict {
        // Insertion order is part of the meaning (display order of the arms), so copy into a LinkedHashMap rather
        // than Map.copyOf, which would scramble it.
        comparisons = Collections.unmodifiableMap(new LinkedHashMap<>(comparisons));
    }

    /** True when the baseline is a real control group rather than the first variant. */
    public boolean comparedWithControl() {
        return Assignment.CONTROL.equals(baseline);
    }
}
