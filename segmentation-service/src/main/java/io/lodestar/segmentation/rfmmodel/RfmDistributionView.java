package io.lodestar.segmentation.rfmmodel;

import java.math.BigDecimal;
import java.util.List;

/**
 * A model's customers per class (or segment) as of the latest run, with the class × metric table operators read it
 * by: how many, what share, their typical recency, frequency and spend, and what share of the monetary total they hold.
 */
public record RfmDistributionView(String modelId, String modelName, long customers, BigDecimal monetaryTotal,
        List<GroupRow> groups) {

    public record GroupRow(String group, String displayName, long customers, double share, double recencyDaysMean,
            double recencyDaysMedian, double frequencyMean, BigDecimal monetaryMean, BigDecimal monetaryTotal,
            double monetaryShare) {
    }
}
