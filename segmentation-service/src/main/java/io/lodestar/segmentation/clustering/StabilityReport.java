package io.lodestar.segmentation.clustering;

/**
 * Agreement of two runs on the customers both clustered.
 *
 * @param commonCustomers   customers present in both runs
 * @param adjustedRandIndex 1 for the same grouping (cluster ids may differ), about 0 for chance agreement; a run
 *                          reproduced on fresh data above about 0.8 is usually considered stable
 */
public record StabilityReport(int commonCustomers, double adjustedRandIndex) {
}
