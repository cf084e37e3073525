package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Traffic over the UTC days {@code from..to}, in buckets of the granularity (ISO weeks from Monday and calendar months,
 * cut at {@code from} and {@code to}). A metric not asked for is left out (null).
 *
 * @param channel the channel filter, or null for every channel
 * @param metrics the metrics reported
 * @param total   the whole period (its unique visitors are the union over the period, not a sum of buckets)
 * @param buckets every bucket of the period, in order, also those without traffic
 */
public record TrafficView(LocalDate from, LocalDate to, String granularity, String channel, List<String> metrics,
                          Bucket total, List<Bucket> buckets) {

    /**
     * @param pageViews                  page_view and product_view events
     * @param interactions               every behaviour event
     * @param uniqueVisitors             distinct visitors (customers and anonymous visitor ids), HyperLogLog estimate
     *                                   (standard error about 0.81%)
     * @param newVisitors                visitors whose first event ever (on the channel, or anywhere without one) was
     *                                   in the bucket; exact
     * @param newVisitorSharePercent     newVisitors ÷ uniqueVisitors, 2 decimals (null without visitors)
     * @param returningVisitors          visitors of the bucket seen before it: uniqueVisitors − newVisitors (at least 0)
     * @param returningVisitorRatePercent returningVisitors ÷ uniqueVisitors, 2 decimals (null without visitors)
     */
    public record Bucket(LocalDate start, LocalDate end, Long pageViews, Long interactions, Long uniqueVisitors,
                         Long newVisitors, BigDecimal newVisitorSharePercent, Long returningVisitors,
                         BigDecimal returningVisitorRatePercent) {
    }
}
