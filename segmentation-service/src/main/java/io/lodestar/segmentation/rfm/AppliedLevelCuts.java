package io.lodestar.segmentation.rfm;

/**
 * The High/Low cuts a threshold run actually used: for each dimension the smallest score that counted as High (the
 * population mean, or the configured cut). Kept with the run so an operator can see why a customer is High or Low.
 */
public record AppliedLevelCuts(double recency, double frequency, double monetary) {
}
