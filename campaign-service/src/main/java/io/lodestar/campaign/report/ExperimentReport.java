package io.lodestar.campaign.report;

import java.util.List;
import java.util.Map;

import io.lodestar.campaign.experiment.Comparison;

/**
 * {@code GET /campaigns/{id}/experiment}: conversion per group and the verdict against control.
 *
 * @param outcome winner, no_significant_winner, insufficient_data or no_control
 * @param baseline      what the variants were compared with: the control group, or the first variant without one
 * @param summary       the verdict in one sentence
 * @param correctedAlpha the significance level each comparison had to meet (Bonferroni: alpha / variants)
 */
public record ExperimentReport(String campaignId, List<GroupResult> groups, String outcome, String winner,
                               String baseline, String summary, double alpha, double correctedAlpha,
                               Map<String, Comparison> comparisons) {

    public record GroupResult(String group, long targeted, long converted, Double conversionRate) {
    }
}
