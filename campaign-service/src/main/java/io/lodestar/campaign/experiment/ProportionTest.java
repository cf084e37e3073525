package io.lodestar.campaign.experiment;

/**
 * The two-proportion z-test, the standard test for "does this variant convert at a different rate from control".
 * The test statistic uses the pooled standard error (the one implied by the null hypothesis that both rates are
 * equal), so that it agrees exactly with Pearson's chi-squared on the 2x2 table; the confidence interval uses the
 * unpooled (Wald) standard error, because an interval describes the difference that was observed, not the null.
 *
 * <p>The normal approximation needs both groups to have trials and the pooled rate strictly between 0 and 1; with
 * all-failure or all-success data the standard error is 0 and z would be 0/0. Those cases are reported as not
 * testable (p = 1, z = 0) with a reason, instead of producing NaN or an error.
 */
public final class ProportionTest {

    /** The confidence level used when the caller does not choose one. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private ProportionTest() {
    }

    /** {@link #compare(long, long, long, long, double)} at {@link #DEFAULT_CONFIDENCE}. */
    public static Comparison compare(long successesVariant, long trialsVariant, long successesControl,
            long trialsControl) {
        return compare(successesVariant, trialsVariant, successesControl, trialsControl, DEFAULT_CONFIDENCE);
    }

    /**
     * Tests the variant (A) against the control (B).
     *
     * @param confidence level of the Wald interval, strictly between 0 and 1
     * @throws IllegalArgumentException for negative counts, successes above trials, or a confidence outside (0, 1)
     */
    public static Comparison compare(long successesVariant, long trialsVariant, long successesControl,
            long trialsControl, double confidence) {
        requireCounts(successesVariant, trialsVariant, "variant");
        requireCounts(successesControl, trialsControl, "control");
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1 but was " + confidence);
        }

        double rateVariant = trialsVariant == 0 ? 0.0 : (double) successesVariant / trialsVariant;
        double rateControl = trialsControl == 0 ? 0.0 : (double) successesControl / trialsControl;
        double lift = rateVariant - rateControl;
        Double relativeLift = rateControl == 0.0 ? null : lift / rateControl;

        if (trialsVariant == 0 || trialsControl == 0) {
            String reason = trialsVariant == 0 && trialsControl == 0 ? "neither group has any trials"
                    : trialsVariant == 0 ? "the variant has no trials" : "the control group has no trials";
            // Nothing is known about the difference, so the interval is every possible difference of two rates.
            return new Comparison(rateVariant, rateControl, lift, relativeLift, -1.0, 1.0, confidence,
                    0.0, 1.0, 0.0, false, reason);
        }

        double criticalZ = Normal.quantile(1.0 - (1.0 - confidence) / 2.0);
        double waldSe = Math.sqrt(rateVariant * (1.0 - rateVariant) / trialsVariant
                + rateControl * (1.0 - rateControl) / trialsControl);
        double ciLow = lift - criticalZ * waldSe;
        double ciHigh = lift + criticalZ * waldSe;

        long pooledSuccesses = successesVariant + successesControl;
        long pooledTrials = trialsVariant + trialsControl;
        if (pooledSuccesses == 0 || pooledSuccesses == pooledTrials) {
            String reason = pooledSuccesses == 0 ? "no trial converted in either group"
                    : "every trial converted in both groups";
            return new Comparison(rateVariant, rateControl, lift, relativeLift, ciLow, ciHigh, confidence,
                    0.0, 1.0, 0.0, false, reason);
        }

        double pooledRate = (double) pooledSuccesses / pooledTrials;
        double pooledSe = Math.sqrt(pooledRate * (1.0 - pooledRate) * (1.0 / trialsVariant + 1.0 / trialsControl));
        double z = lift / pooledSe;
        // Φ(-|z|) rather than 1 - Φ(|z|): the subtraction would lose every digit once p falls below about 1e-16.
        double pValue = Math.min(1.0, 2.0 * Normal.cdf(-Math.abs(z)));
        double chiSquared = pearsonChiSquared(successesVariant, trialsVariant - successesVariant,
                successesControl, trialsControl - successesControl);
        return new Comparison(rateVariant, rateControl, lift, relativeLift, ciLow, ciHigh, confidence,
                z, pValue, chiSquared, true, null);
    }

    /**
     * N(ad - bc)² / (row and column totals) for the table [[a, b], [c, d]], computed from the counts directly rather
     * than as z², so that the test asserting chi² = z² checks two independent computations. Doubles throughout:
     * the product of the four margins overflows a long once they pass about 55,000 each.
     */
    private static double pearsonChiSquared(long a, long b, long c, long d) {
        double n = (double) a + b + c + d;
        double crossDifference = (double) a * d - (double) b * c;
        double margins = ((double) a + b) * ((double) c + d) * ((double) a + c) * ((double) b + d);
        return n * crossDifference * crossDifference / margins;
    }

    private static void requireCounts(long successes, long trials, String group) {
        if (trials < 0 || successes < 0) {
            throw new IllegalArgumentException(group + " counts must not be negative");
        }
        if (successes > trials) {
            throw new IllegalArgumentException(group + " successes (" + successes + ") exceed trials (" + trials + ")");
        }
    }
}
