package io.lodestar.segmentation.analytics;

/**
 * The query parameters of {@code GET /analytics/repurchase-cycle} as the caller sent them.
 *
 * @param category only intervals whose later order contains this category
 * @param ageBand  only customers in this age band as of {@code asOf} ({@link io.lodestar.contracts.customer.AgeBand}
 *                 label, or {@code unknown})
 * @param asOf     ISO-8601 instant; only orders paid at or before it count, and ages are taken on its UTC date; absent: now
 */
public record RepurchaseCycleRequest(String category, String ageBand, String asOf) {
}
