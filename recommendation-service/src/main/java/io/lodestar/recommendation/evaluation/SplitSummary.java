package io.lodestar.recommendation.evaluation;

/**
 * What a split kept and lost, so a report can say how representative its numbers are.
 *
 * @param testCustomers         customers with at least one positive item in the test part
 * @param coldStartCustomers    of those, customers with no training interaction at all (no model can personalise for
 *                              them; they are not evaluated)
 * @param evaluatedCustomers    customers with a training history and at least one reachable relevant item: the users
 *                              metrics are averaged over
 * @param relevantPairs         (customer, item) relevant pairs kept, over the evaluated customers
 * @param unreachablePairs      relevant pairs dropped because the item never occurs in training (no model trained on this
 *                              split can recommend it); cold-start customers' pairs are not counted here
 * @param excludedRepeatPairs   relevant pairs dropped because the customer already had the item in training (only when
 *                              training items are excluded)
 */
public record SplitSummary(int testCustomers, int coldStartCustomers, int evaluatedCustomers, int relevantPairs,
        int unreachablePairs, int excludedRepeatPairs) {

    /** Share of test customers that are cold start, 0 when there are no test customers. */
    public double coldStartShare() {
        return testCustomers == 0 ? 0.0 : (double) coldStartCustomers / testCustomers;
    }

    /** Share of warm customers' positive test pairs whose item is unknown in training, 0 when there are none. */
    public double unreachableShare() {
        int warmPairs = relevantPairs + unreachablePairs + excludedRepeatPairs;
        return warmPairs == 0 ? 0.0 : (double) unreachablePairs / warmPairs;
    }
}
