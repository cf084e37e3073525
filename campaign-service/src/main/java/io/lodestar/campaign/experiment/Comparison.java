package io.lodestar.campaign.experiment;

/**
 * The result of testing one variant's conversion rate against a baseline (normally the control group). All rates and
 * lifts are fractions (0.2 = 20%), so that a view can format them as it likes.
 *
 * @param rateVariant   successes / trials of the variant (0 when it has no trials)
 * @param rateControl   successes / trials of the baseline (0 when it has no trials)
 * @param absoluteLift  {@code rateVariant - rateControl}
 * @param relativeLift  {@code absoluteLift / rateControl}; null when the baseline rate is 0, where it is undefined
 * @param ciLow         lower end of the Wald interval for the difference of rates
 * @param ciHigh        upper end; when a group has no trials the interval is the whole range [-1, 1]
 * @param confidence    confidence level of the interval, e.g. 0.95
 * @param z             pooled two-proportion z statistic, 0 when not testable
 * @param pValue        two-sided p-value of {@code z}, 1 when not testable
 * @param chiSquared    Pearson's chi-squared of the 2x2 table without continuity correction; equals z² by
 *                      construction, and is kept because analysts often check results against a chi-squared tool
 * @param testable      false when the data cannot support a test at all
 * @param reason        why the comparison is not testable; null when it is
 */
public record Comparison(double rateVariant, double rateControl, double absoluteLift, Double relativeLift,
        double ciLow, double ciHigh, double confidence, double z, double pValue, double chiSquared,
        boolean testable, String reason) {
}
