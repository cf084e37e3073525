package io.lodestar.segmentation.analytics;

/**
 * The query parameters of {@code GET /analytics/funnel} as the caller sent them.
 *
 * @param from     first UTC day, {@code YYYY-MM-DD} (inclusive); absent: 29 days before {@code to}
 * @param to       last UTC day (inclusive); absent: today
 * @param channel  a channel's wire name; absent: every channel
 * @param category a category; absent: every category
 */
public record FunnelRequest(String from, String to, String channel, String category) {
}
