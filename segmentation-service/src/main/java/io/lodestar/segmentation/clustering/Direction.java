package io.lodestar.segmentation.clustering;

/** Whether a cluster's mean lies above or below the population mean of a feature. */
public enum Direction {
    HIGH, LOW
}
