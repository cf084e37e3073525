package io.lodestar.campaign.report;

import java.time.Instant;

/**
 * One row of the execution-tracking table marketing teams keep: which segment, what strategy, which action, who owns
 * it, the target metric, the cycle, and how far it has got.
 */
public record TrackingRow(String campaignId, String segment, String strategy, String action, String owner,
                          String targetMetric, Instant cycleStart, Instant cycleEnd, String status,
                          double progressPercent) {
}
