/**
 * Customer lifecycle stages (prospect, new, active, at risk, lapsed, won back) and the two lifecycle flags (new-customer
 * churn risk, high potential), each with the reason text a membership event carries. Definitions follow the churn early
 * warning of the Glossary in {@code shared/DESIGN.md}: no paid order in 90 days is at risk, and a first-time buyer with no
 * second order 15 days after the first is a win-back trigger.
 *
 * <p>Everything is measured relative to an explicit {@code asOf} instant, in whole days rounded down ({@link
 * io.lodestar.segmentation.lifecycle.WholeDays}), so a re-run over the same history gives the same answer and a historical
 * replay is classified as of its own end. Plain Java on purpose: no Quarkus, database or Smile. Entry point: {@link
 * io.lodestar.segmentation.lifecycle.LifecycleClassifier}. Everything here is immutable and thread-safe.
 */
package io.lodestar.segmentation.lifecycle;
