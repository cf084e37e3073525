package io.lodestar.segmentation.rfm;

/**
 * Scores each dimension 1–5 by quintile of the scored population ({@link Quintiles} for the rank and tie rule) and
 * names the customer by {@link SegmentTable}. It has no settings: quintiles adapt to the population by construction.
 */
public record QuintileScheme() implements RfmScheme {
}
