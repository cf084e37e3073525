package io.lodestar.segmentation.churn;

import java.util.Objects;

import smile.classification.LogisticRegression;

/**
 * Fits an L2-regularised binomial logistic regression with Smile 2.6.0 on standardised features, and returns it as a
 * {@link ChurnModel}. The only class of the churn feature that touches Smile.
 *
 * <p>Standardisation uses the training set's mean and population standard deviation per feature; a feature that is
 * constant in the training set gets scale 1, so it standardises to 0 and its coefficient stays 0 (it carries no
 * information). Smile's {@code LogisticRegression.binomial(x, y, lambda, tol, maxIter)} returns the weights as {@code
 * [w₀ … w_{p−1}, intercept]} and {@code P(y = 1 | x) = σ(w · x + intercept)}; label 1 is "churned". The optimiser
 * (L-BFGS) is deterministic, so the same training set always gives the same numbers; tests still fix {@code
 * MathEx.setSeed} as CONVENTIONS.md asks. CPU-bound: run it in a job, never on an event-loop thread.
 */
public final class LogisticChurnTrainer implements ChurnTrainer {

    @Override
    public ChurnModel train(ChurnTrainingSet trainingSet, ChurnTrainingConfig config) {
        return fit(trainingSet, config).model();
    }

    /** The model and the Smile classifier it came from, so the package's tests can compare the two. */
    Fitted fit(ChurnTrainingSet trainingSet, ChurnTrainingConfig config) {
        Objects.requireNonNull(trainingSet, "trainingSet");
        Objects.requireNonNull(config, "config");
        trainingSet.requireClasses(config.minPerClass(), ChurnPhase.TRAINING, "training");
        double[][] rows = trainingSet.features().rowsUnsafe();
        int n = rows.length;
        int p = trainingSet.features().spec().featureCount();

        double[] means = new double[p];
        double[] scales = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            means[j] /= n;
        }
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - means[j];
                scales[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scales[j] / n);
            scales[j] = sd > 0 && Double.isFinite(sd) ? sd : 1;
        }
        ChurnModel scaler = new ChurnModel(trainingSet.features().spec(), trainingSet.cutoff(), trainingSet.horizonDays(),
                means, scales, new double[p], 0);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = scaler.standardise(rows[i]);
        }

        LogisticRegression.Binomial smile;
        try {
            smile = LogisticRegression.binomial(x, trainingSet.labels(), config.l2Lambda(), config.tolerance(),
                    config.maxIterations());
        } catch (RuntimeException e) {
            throw new ChurnRunException(ChurnRunFailure.TRAINING_FAILED, ChurnPhase.TRAINING,
                    "the logistic regression could not be fitted on " + n + " customers: " + e.getMessage(), e);
        }
        double[] w = smile.coefficients();
        double[] coefficients = new double[p];
        System.arraycopy(w, 0, coefficients, 0, p);
        for (double value : w) {
            if (!Double.isFinite(value)) {
                throw new ChurnRunException(ChurnRunFailure.TRAINING_FAILED, ChurnPhase.TRAINING,
                        "the logistic regression produced non-finite coefficients on " + n + " customers");
            }
        }
        ChurnModel model = new ChurnModel(trainingSet.features().spec(), trainingSet.cutoff(), trainingSet.horizonDays(),
                means, scales, coefficients, w[p]);
        return new Fitted(model, smile);
    }

    record Fitted(ChurnModel model, LogisticRegression.Binomial smile) {
    }
}
