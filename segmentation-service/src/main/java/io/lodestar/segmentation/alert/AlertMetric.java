package io.lodestar.segmentation.alert;

/**
 * A metric rules can watch.
 *
 * @param name  e.g. {@code orders.paid.count}
 * @param ratio true when the value is a ratio per unit of volume (refund rate): a window's value is then the
 *              volume-weighted mean of its hours; otherwise hours add up
 */
public record AlertMetric(String name, String description, boolean ratio) {
}
