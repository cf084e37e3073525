package io.lodestar.segmentation.rfm;

/**
 * How RFM values become scores and a named group: fixed business {@link ThresholdScheme thresholds} with the 8 classic
 * classes, or population {@link QuintileScheme quintiles} with the 11 named segments.
 */
public sealed interface RfmScheme permits ThresholdScheme, QuintileScheme {
}
