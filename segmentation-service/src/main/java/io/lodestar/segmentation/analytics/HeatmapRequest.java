package io.lodestar.segmentation.analytics;

/**
 * The query parameters of {@code GET /analytics/heatmap} as the caller sent them.
 *
 * @param from    first UTC day, {@code YYYY-MM-DD} (inclusive); absent: 29 days before {@code to}
 * @param to      last UTC day (inclusive); absent: today
 * @param channel a channel's wire name; absent: every channel
 * @param segment {@code <tag>=<value>} of the segment tags ({@code lifecycle=active}); absent: everyone
 */
public record HeatmapRequest(String from, String to, String channel, String segment) {
}
