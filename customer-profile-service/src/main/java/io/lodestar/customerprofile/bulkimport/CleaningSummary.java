package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/** What cleaning decided for a finished import: each step with its count, and the customers flagged as outliers. */
public record CleaningSummary(List<CleaningDecision> decisions, List<FlaggedOutlier> spendOutliers) {

    public static final CleaningSummary NONE = new CleaningSummary(List.of(), List.of());

    public CleaningSummary {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        spendOutliers = spendOutliers == null ? List.of() : List.copyOf(spendOutliers);
    }
}
