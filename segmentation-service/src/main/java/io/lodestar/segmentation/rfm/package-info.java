/**
 * The pure-logic RFM core: recency, frequency and monetary values per customer, their scores under the threshold scheme
 * (4 tiers, High/Low, the 8 classic classes) or the quintile scheme (1–5 scores, the 11 named segments), and the
 * distribution of a scoring run. Definitions follow the Glossary of {@code shared/DESIGN.md}.
 *
 * <p>Plain Java on purpose: no Quarkus, database or Smile, so the rules can be unit tested exhaustively and called from a
 * job, a consumer or a data-set test alike. Entry point: {@link io.lodestar.segmentation.rfm.RfmScorer}. Everything here is
 * immutable and thread-safe.
 */
package io.lodestar.segmentation.rfm;
