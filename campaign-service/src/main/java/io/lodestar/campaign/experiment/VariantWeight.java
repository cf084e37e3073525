package io.lodestar.campaign.experiment;

/**
 * One treatment arm and its share of the messaged customers. Shares are whole percentages because operators think in
 * them and because a 1% granularity is far finer than any experiment can resolve.
 *
 * @param name    the variant's label, e.g. {@code "A"}; must not be {@code "control"} or {@code "holdout"}
 * @param percent share of the treated (non-control, non-holdout) customers, 1 to 100
 */
public record VariantWeight(String name, int percent) {
}
