/**
 * The churn early-warning model: features from each customer's paid orders (and optionally behaviour counts) as of a
 * cutoff, the label "no paid order in the 90 days after the cutoff" (the Glossary's at-risk rule, looked at from the
 * cutoff), a logistic regression trained on one cutoff and evaluated on a later one (a time-based holdout, never a
 * random split), a rank-based AUC, and churn probabilities with low/medium/high risk levels for the current population.
 *
 * <p>This is the only package that imports {@code smile.*} for churn (CONVENTIONS.md 15), and only {@link
 * io.lodestar.segmentation.churn.LogisticChurnTrainer} does. The trained model is a {@link
 * io.lodestar.segmentation.churn.ChurnModel}: plain numbers (scaler means and scales, coefficients, intercept, the feature
 * spec), stored as such and scored without Smile.
 *
 * <p>Feature building, training and scoring are CPU-bound and synchronous: callers run {@link
 * io.lodestar.segmentation.churn.ChurnRunner#run ChurnRunner.run} as a job on a worker executor, never on an event-loop
 * thread or inside a request. Entry points: {@link io.lodestar.segmentation.churn.ChurnRunner} for a whole run, {@link
 * io.lodestar.segmentation.churn.ChurnScorer} to score with a stored model. Everything here is immutable and thread-safe;
 * arrays cross the API as defensive copies.
 */
package io.lodestar.segmentation.churn;
