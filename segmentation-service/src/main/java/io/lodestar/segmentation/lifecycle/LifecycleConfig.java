package io.lodestar.segmentation.lifecycle;

/**
 * The day thresholds of the lifecycle rules. Each "after N days" threshold is reached on the day the span, in {@link
 * WholeDays}, becomes N; each "within N days" window holds while it is below N.
 *
 * @param atRiskAfterDays               no paid order for this many days makes a customer at risk (Glossary: 90)
 * @param lapsedAfterDays               no paid order for this many days makes a customer lapsed; above the at-risk threshold
 * @param newWithinDays                 a customer whose first paid order is younger than this is new; at most the at-risk
 *                                      threshold, so that a new customer can never be at risk as well
 * @param wonBackWithinDays             a customer stays won back for this many days after the returning order; at most the
 *                                      at-risk threshold for the same reason
 * @param newCustomerChurnRiskAfterDays a one-order customer is flagged this many days after the order (Glossary: 15)
 * @param highPotentialTopPercent       share of the buying population, by first order value, flagged high potential
 *                                      (10: the top decile); 1 to 100
 */
public record LifecycleConfig(int atRiskAfterDays, int lapsedAfterDays, int newWithinDays, int wonBackWithinDays,
        int newCustomerChurnRiskAfterDays, int highPotentialTopPercent) {

    /** The Glossary's churn early warning (90 days, 15 days) and the usual marketing windows (180, 30, 30, top 10 %). */
    public static final LifecycleConfig DEFAULT = new LifecycleConfig(90, 180, 30, 30, 15, 10);

    public LifecycleConfig {
        positive("atRiskAfterDays", atRiskAfterDays);
        positive("newWithinDays", newWithinDays);
        positive("wonBackWithinDays", wonBackWithinDays);
        positive("newCustomerChurnRiskAfterDays", newCustomerChurnRiskAfterDays);
        if (lapsedAfterDays <= atRiskAfterDays) {
            throw new InvalidLifecycleConfigException("lapsedAfterDays",
                    "must be greater than atRiskAfterDays (" + atRiskAfterDays + "), was " + lapsedAfterDays);
        }
        if (newWithinDays > atRiskAfterDays) {
            throw new InvalidLifecycleConfigException("newWithinDays",
                    "must not exceed atRiskAfterDays (" + atRiskAfterDays + "), was " + newWithinDays);
        }
        if (wonBackWithinDays > atRiskAfterDays) {
            throw new InvalidLifecycleConfigException("wonBackWithinDays",
                    "must not exceed atRiskAfterDays (" + atRiskAfterDays + "), was " + wonBackWithinDays);
        }
        if (highPotentialTopPercent < 1 || highPotentialTopPercent > 100) {
            throw new InvalidLifecycleConfigException("highPotentialTopPercent",
                    "must be 1 to 100, was " + highPotentialTopPercent);
        }
    }

    private static void positive(String field, int days) {
        if (days < 1) {
            throw new InvalidLifecycleConfigException(field, "must be at least 1 day, was " + days);
        }
    }
}
