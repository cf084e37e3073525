package io.lodestar.segmentation.analytics;

/**
 * The query parameters of {@code GET /analytics/cohorts} as the caller sent them.
 *
 * @param from    first cohort month, {@code YYYY-MM} (inclusive); absent: the earliest
 * @param to      last cohort month, {@code YYYY-MM} (inclusive); absent: the latest
 * @param periods month offsets 0..periods-1 reported per cohort, 1 to 36; absent: 12
 */
public record CohortRequest(String from, String to, String periods) {
}
