package io.lodestar.segmentation.analytics;

import java.util.List;

/**
 * The query parameters of {@code GET /analytics/value-concentration} as the caller sent them; the service parses and
 * checks them, so that a malformed value is answered with 400 naming its parameter.
 *
 * @param asOf       ISO-8601 instant the window ends at (inclusive); absent: now
 * @param windowDays whole days (86,400 s) before {@code asOf} the window starts at (inclusive); absent: the whole history
 * @param points     percent of customers to report, each in (0, 100], comma-separated and/or repeated; absent: defaults
 */
public record ValueConcentrationRequest(String asOf, String windowDays, List<String> points) {
}
