package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/** Order lines: counts zero-priced lines and sums each customer's spend for the outlier rule, in one pass. */
final class OrderLineCleaning implements KindCleaning<OrderLineRecord> {

    private final SpendOutlierDetector spend;
    private long zeroPriced;
    private List<SpendOutlier> outliers;

    OrderLineCleaning(OutlierRule rule) {
        this.spend = new SpendOutlierDetector(rule);
    }

    @Override
    public boolean needsFirstPass() {
        return false;
    }

    @Override
    public void observe(OrderLineRecord record) {
        throw new IllegalStateException("order lines are cleaned in one pass");
    }

    @Override
    public OrderLineRecord clean(OrderLineRecord record) {
        if (record.hasFlag(Flag.ZERO_PRICE)) {
            zeroPriced++;
        }
        spend.add(record);
        outliers = null;
        return record;
    }

    @Override
    public List<SpendOutlier> spendOutliers() {
        if (outliers == null) {
            outliers = spend.outliers();
        }
        return outliers;
    }

    @Override
    public List<CleaningDecision> decisions() {
        return List.of(
                new CleaningDecision(CleaningStep.ZERO_PRICE, zeroPriced,
                        "lines with unit price 0 accepted and flagged ZERO_PRICE"),
                new CleaningDecision(CleaningStep.SPEND_OUTLIER, spendOutliers().size(),
                        "customers flagged (not deleted) by net spend: " + spend.rule().describe()));
    }
}
