package io.lodestar.segmentation.rfm;

/**
 * The named group a scored customer falls into: a {@link RfmClass} under the threshold scheme, a {@link RfmSegment} under
 * the quintile scheme. Sealed so that code handling groups knows it has seen every kind.
 */
public sealed interface RfmGroup permits RfmClass, RfmSegment {

    /** Stable kebab-case name used on the wire, in tags and exports (the enum's {@code @JsonProperty}). */
    String wireName();

    /** Name shown to operators. */
    String displayName();
}
