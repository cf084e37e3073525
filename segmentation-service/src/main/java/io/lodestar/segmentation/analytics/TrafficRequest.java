package io.lodestar.segmentation.analytics;

import java.util.List;

/**
 * The query parameters of {@code GET /analytics/traffic} as the caller sent them.
 *
 * @param from        first UTC day, {@code YYYY-MM-DD} (inclusive); absent: 29 days before {@code to}
 * @param to          last UTC day (inclusive); absent: today
 * @param granularity {@code day}, {@code week} (ISO, from Monday) or {@code month}; absent: day
 * @param channel     a channel's wire name; absent: every channel
 * @param metrics     metric names, comma-separated or repeated; absent: all
 */
public record TrafficRequest(String from, String to, String granularity, String channel, List<String> metrics) {
}
