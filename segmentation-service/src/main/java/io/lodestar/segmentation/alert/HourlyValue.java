package io.lodestar.segmentation.alert;

import java.time.Instant;

/**
 * One UTC hour of a metric.
 *
 * @param hour   the start of the hour
 * @param value  the metric's value in that hour
 * @param volume what the value is counted over, for the minimum volume (and the weight of a ratio): the count
 *               itself for a count, the paid orders for revenue and refund rate, the refunds for refund amount
 */
public record HourlyValue(Instant hour, double value, double volume) {
}
