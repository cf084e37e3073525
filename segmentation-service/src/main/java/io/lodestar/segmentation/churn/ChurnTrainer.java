package io.lodestar.segmentation.churn;

/**
 * The domain side of the classifier: a labelled training set in, a {@link ChurnModel} of plain numbers out. The runner
 * and the service only know this interface, so the library behind it ({@link LogisticChurnTrainer}: Smile 2.6.0) can be
 * replaced in one class. A tree model would need a different {@code ChurnModel} (its trees as numbers) and is not offered:
 * the logistic model trains in milliseconds, is stored as a handful of numbers and explains itself by its coefficients.
 */
public interface ChurnTrainer {

    /**
     * @throws ChurnRunException {@link ChurnRunFailure#NO_CUSTOMERS}, {@link ChurnRunFailure#TOO_FEW_POSITIVES} or
     *                           {@link ChurnRunFailure#TOO_FEW_NEGATIVES} when the set is below {@code
     *                           config.minPerClass()} in a class, {@link ChurnRunFailure#TRAINING_FAILED} when the fit fails
     */
    ChurnModel train(ChurnTrainingSet trainingSet, ChurnTrainingConfig config);
}
