package io.lodestar.segmentation.churn;

/**
 * How labels are defined and the classifier is fitted.
 *
 * @param horizonDays   the label window after a cutoff: churned means no paid order in {@code (T, T + horizonDays]}
 *                      (Glossary: 90, the at-risk threshold)
 * @param minPerClass   fewest churned and fewest retained customers the training set, and the holdout set, must each
 *                      have; below it a model or an AUC would mean little
 * @param l2Lambda      L2 penalty of the logistic regression on the standardised coefficients (not the intercept); a
 *                      small positive value keeps the coefficients finite when the classes happen to be separable
 * @param tolerance     convergence tolerance of the optimiser (L-BFGS)
 * @param maxIterations iteration cap of the optimiser
 */
public record ChurnTrainingConfig(int horizonDays, int minPerClass, double l2Lambda, double tolerance, int maxIterations) {

    public static final ChurnTrainingConfig DEFAULT = new ChurnTrainingConfig(90, 10, 0.1, 1e-5, 500);

    public ChurnTrainingConfig {
        if (horizonDays < 1) {
            throw new InvalidChurnConfigException("training.horizonDays", "must be at least 1, was " + horizonDays);
        }
        if (minPerClass < 1) {
            throw new InvalidChurnConfigException("training.minPerClass", "must be at least 1, was " + minPerClass);
        }
        if (!(l2Lambda >= 0) || Double.isInfinite(l2Lambda)) {
            throw new InvalidChurnConfigException("training.l2Lambda", "must be a finite number ≥ 0, was " + l2Lambda);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new InvalidChurnConfigException("training.tolerance", "must be a finite number > 0, was " + tolerance);
        }
        if (maxIterations < 1) {
            throw new InvalidChurnConfigException("training.maxIterations", "must be at least 1, was " + maxIterations);
        }
    }
}
