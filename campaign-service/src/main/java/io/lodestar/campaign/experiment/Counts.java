package io.lodestar.campaign.experiment;

/**
 * What was observed for one group: how many customers were exposed and how many converted. The checks live here so
 * that an impossible count (more conversions than customers, typically a join counting events instead of people) is
 * rejected where it enters, not deep inside a test statistic.
 *
 * @param successes customers who converted
 * @param trials    customers in the group
 */
public record Counts(long successes, long trials) {

    public Counts {
        if (successes < 0 || trials < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (successes > trials) {
            throw new IllegalArgumentException("successes (" + successes + ") exceed trials (" + trials + ")");
        }
    }
}
