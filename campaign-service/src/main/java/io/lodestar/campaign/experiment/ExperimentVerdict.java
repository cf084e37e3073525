package io.lodestar.campaign.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the counts of every arm of an experiment into a decision an operator can act on, with the discipline that
 * keeps A/B testing honest:
 * <ul>
 *   <li>no verdict before every group has the minimum number of trials (peeking at tiny samples is how false winners
 *       are crowned);</li>
 *   <li>a Bonferroni correction: with k variants each is tested at alpha / k, so the chance of declaring any false
 *       winner stays at most alpha;</li>
 *   <li>only the best-converting variant can win, and only when its lift is positive and significant. A lower
 *       variant is never promoted past it: if the top converter is not yet significant, the experiment needs more
 *       data, not a different answer.</li>
 * </ul>
 * The {@code holdout} group is ignored here: it measures marketing as a whole, not this campaign's variants. When an
 * experiment has no control group, the first variant in the map's iteration order serves as the baseline (pass a
 * {@link LinkedHashMap} in design order), and the summary says so.
 */
public final class ExperimentVerdict {

    /**
     * Decides the experiment.
     *
     * @param byGroup           counts per group name: variant names, {@code "control"}, optionally {@code "holdout"}
     * @param alpha             family-wise significance level, e.g. 0.05, strictly between 0 and 1
     * @param minTrialsPerGroup trials every compared group needs before any conclusion, at least 1
     * @throws IllegalArgumentException for a null map, null names or counts, or parameters out of range
     */
    public Verdict decide(Map<String, Counts> byGroup, double alpha, int minTrialsPerGroup) {
        requireArguments(byGroup, alpha, minTrialsPerGroup);

        Map<String, Counts> variants = new LinkedHashMap<>();
        byGroup.forEach((group, counts) -> {
            if (!Assignment.CONTROL.equals(group) && !Assignment.HOLDOUT.equals(group)) {
                variants.put(group, counts);
            }
        });

        String baseline;
        Counts baselineCounts = byGroup.get(Assignment.CONTROL);
        if (baselineCounts != null) {
            baseline = Assignment.CONTROL;
        } else if (variants.size() < 2) {
            String summary = variants.isEmpty()
                    ? "There is no control group and no variant, so there is nothing to compare."
                    : "There is no control group and only one variant (" + variants.keySet().iterator().next()
                            + "), so there is nothing to compare it with.";
            return new Verdict(Outcome.NO_CONTROL, null, null, null, Map.of(), alpha, summary);
        } else {
            baseline = variants.keySet().iterator().next();
            baselineCounts = variants.remove(baseline);
        }

        if (variants.isEmpty()) {
            return new Verdict(Outcome.INSUFFICIENT_DATA, null, null, baseline, Map.of(), alpha,
                    "Only the control group has data, so there is no variant to compare yet.");
        }

        double correctedAlpha = alpha / variants.size();
        // The interval is reported at the same corrected level the decision uses, so that "the interval excludes 0"
        // and "significant" tell the operator the same story.
        double confidence = 1.0 - correctedAlpha;
        Map<String, Comparison> comparisons = new LinkedHashMap<>();
        for (Map.Entry<String, Counts> variant : variants.entrySet()) {
            Counts counts = variant.getValue();
            comparisons.put(variant.getKey(), ProportionTest.compare(counts.successes(), counts.trials(),
                    baselineCounts.successes(), baselineCounts.trials(), confidence));
        }
        String best = bestVariant(comparisons);
        Comparison bestComparison = comparisons.get(best);
        Wording wording = new Wording(baseline, baseline.equals(Assignment.CONTROL));

        List<String> shortGroups = new ArrayList<>();
        if (baselineCounts.trials() < minTrialsPerGroup) {
            shortGroups.add(wording.groupName(baseline) + " has " + baselineCounts.trials() + " trials");
        }
        variants.forEach((name, counts) -> {
            if (counts.trials() < minTrialsPerGroup) {
                shortGroups.add(wording.groupName(name) + " has " + counts.trials() + " trials");
            }
        });
        if (!shortGroups.isEmpty()) {
            String summary = wording.prefix() + "not enough data yet: " + String.join(", ", shortGroups)
                    + ", but every group needs at least " + minTrialsPerGroup + ".";
            return new Verdict(Outcome.INSUFFICIENT_DATA, null, best, baseline, comparisons, correctedAlpha,
                    capitalise(summary));
        }

        boolean significant = bestComparison.testable() && bestComparison.pValue() < correctedAlpha;
        if (significant && bestComparison.absoluteLift() > 0) {
            String summary = wording.prefix() + "variant " + best + " converts " + percent(bestComparison.rateVariant())
                    + " vs " + wording.baselinePhrase() + " " + percent(bestComparison.rateControl())
                    + " (" + lift(bestComparison) + ", " + pValue(bestComparison.pValue()) + "): " + best + " wins.";
            return new Verdict(Outcome.WINNER, best, best, baseline, comparisons, correctedAlpha, capitalise(summary));
        }

        String summary;
        if (significant) {
            // Every variant converts worse than the baseline, and the best of them significantly so.
            summary = wording.prefix() + "no variant beats " + wording.baselinePhrase() + ": the best, " + best
                    + ", converts " + percent(bestComparison.rateVariant()) + " vs "
                    + percent(bestComparison.rateControl()) + " (" + lift(bestComparison) + ", "
                    + pValue(bestComparison.pValue()) + ").";
        } else if (!bestComparison.testable()) {
            summary = wording.prefix() + "no variant differs significantly from " + wording.baselinePhrase()
                    + " (best: " + best + ", not testable: " + bestComparison.reason() + ").";
        } else {
            summary = wording.prefix() + "no variant differs significantly from " + wording.baselinePhrase()
                    + " (best: " + best + ", " + pValue(bestComparison.pValue()) + ", needs p<"
                    + threshold(correctedAlpha) + ").";
        }
        return new Verdict(Outcome.NO_SIGNIFICANT_WINNER, null, best, baseline, comparisons, correctedAlpha,
                capitalise(summary));
    }

    /** Highest rate; ties go to the smaller p-value (more evidence), then to the earlier variant. */
    private static String bestVariant(Map<String, Comparison> comparisons) {
        String best = null;
        Comparison bestComparison = null;
        for (Map.Entry<String, Comparison> entry : comparisons.entrySet()) {
            Comparison candidate = entry.getValue();
            if (bestComparison == null
                    || candidate.rateVariant() > bestComparison.rateVariant()
                    || candidate.rateVariant() == bestComparison.rateVariant()
                            && candidate.pValue() < bestComparison.pValue()) {
                best = entry.getKey();
                bestComparison = candidate;
            }
        }
        return best;
    }

    /** How the baseline is named in sentences, which differs when it is a variant standing in for control. */
    private record Wording(String baseline, boolean isControl) {

        String prefix() {
            return isControl ? "" : "With no control group, variants are compared with the first variant, "
                    + baseline + "; ";
        }

        String baselinePhrase() {
            return isControl ? "control" : baseline;
        }

        String groupName(String group) {
            return isControl && group.equals(baseline) ? "control" : group;
        }
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100.0);
    }

    /** Relative lift when defined; against a 0% baseline only the absolute difference, in percentage points. */
    private static String lift(Comparison comparison) {
        if (comparison.relativeLift() == null) {
            return String.format(Locale.ROOT, "%+.1f pts", comparison.absoluteLift() * 100.0);
        }
        return String.format(Locale.ROOT, "%+.1f%%", comparison.relativeLift() * 100.0);
    }

    private static String pValue(double p) {
        return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
    }

    private static String threshold(double correctedAlpha) {
        return String.format(Locale.ROOT, "%.4g", correctedAlpha).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String capitalise(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static void requireArguments(Map<String, Counts> byGroup, double alpha, int minTrialsPerGroup) {
        if (byGroup == null) {
            throw new IllegalArgumentException("byGroup must not be null");
        }
        byGroup.forEach((group, counts) -> {
            if (group == null || group.isBlank() || counts == null) {
                throw new IllegalArgumentException("every group needs a name and counts");
            }
        });
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 1 but was " + alpha);
        }
        if (minTrialsPerGroup < 1) {
            throw new IllegalArgumentException("minTrialsPerGroup must be at least 1 but was " + minTrialsPerGroup);
        }
    }
}
