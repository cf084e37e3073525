package io.lodestar.segmentation.clustering;

/**
 * A category's share of a cluster's category spend, or a channel's share of its channel interactions, next to the same
 * share over all customers, so that "beauty-heavy" can be checked at a glance.
 *
 * @param key             the category or channel
 * @param share           its share within the cluster, in [0, 1]
 * @param populationShare its share over all customers, in [0, 1]
 */
public record ShareEntry(String key, double share, double populationShare) {
}
