package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.lodestar.segmentation.lifecycle.WholeDays;

/**
 * Runs the churn early warning end to end: features and labels at the training and holdout cutoffs, training,
 * evaluation on the holdout, and scoring of the population as of the scoring instant, reporting progress per {@link
 * ChurnPhase}. Stateless and thread-safe; one call is one job.
 *
 * <p>Synchronous and CPU-bound (feature building is O(events + customers · log events), training a few L-BFGS passes):
 * callers run it on a worker executor as a job ({@code POST …/runs} → 202), never on an event-loop thread or inside a
 * request.
 *
 * <p>The model that is evaluated is the model that scores: it was trained on {@code T1} and judged on {@code T2}. A
 * caller who wants the freshest coefficients can train again on the holdout set afterwards, at the price of having no
 * untouched holdout for that model.
 */
public final class ChurnRunner {

    private final ChurnTrainer trainer;
    private final ChurnFeatureBuilder builder = new ChurnFeatureBuilder();
    private final ChurnScorer scorer = new ChurnScorer();

    public ChurnRunner(ChurnTrainer trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    /** A runner with the Smile logistic regression. */
    public ChurnRunner() {
        this(new LogisticChurnTrainer());
    }

    /**
     * @throws ChurnRunException when the history cannot label the cutoffs, a set has too few customers in a class, or
     *                           training fails; {@link ChurnRunException#failure()} says which
     */
    public ChurnRunResult run(ChurnHistory history, ChurnRunRequest request, ChurnProgressListener progress) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        int horizon = request.training().horizonDays();
        requireObserved(history, request.holdoutCutoff(), horizon, "holdout");
        if (request.scoringAsOf().isAfter(history.historyEnd())) {
            throw new ChurnRunException(ChurnRunFailure.SCORING_AFTER_HISTORY_END, ChurnPhase.FEATURES, "cannot score as of "
                    + request.scoringAsOf() + ": the history ends at " + history.historyEnd());
        }

        progress.onProgress(ChurnPhase.FEATURES, 0);
        double total = Math.max(1, history.size());
        ChurnTrainingSet training = builder.trainingSet(history, request.trainingCutoff(), request.features(), horizon,
                done -> progress.onProgress(ChurnPhase.FEATURES, 0.5 * done / total));
        ChurnTrainingSet holdout = builder.trainingSet(history, request.holdoutCutoff(), request.features(), horizon,
                done -> progress.onProgress(ChurnPhase.FEATURES, 0.5 + 0.5 * done / total));
        progress.onProgress(ChurnPhase.FEATURES, 1);

        progress.onProgress(ChurnPhase.TRAINING, 0);
        training.requireClasses(request.training().minPerClass(), ChurnPhase.TRAINING, "training"); // whatever the trainer
        ChurnModel model = trainer.train(training, request.training());
        progress.onProgress(ChurnPhase.TRAINING, 1);

        progress.onProgress(ChurnPhase.EVALUATION, 0);
        holdout.requireClasses(request.training().minPerClass(), ChurnPhase.EVALUATION, "holdout");
        double threshold = request.risk().decisionThreshold();
        ChurnEvaluation inSample = ChurnEvaluation.of(model, training, threshold);
        ChurnEvaluation evaluation = ChurnEvaluation.of(model, holdout, threshold);
        progress.onProgress(ChurnPhase.EVALUATION, 1);

        List<ChurnScore> scores = scorer.score(model, history, request.scoringAsOf(), request.risk(), progress);
        return new ChurnRunResult(model, inSample, evaluation, scores);
    }

    private static void requireObserved(ChurnHistory history, Instant cutoff, int horizonDays, String which) {
        Instant horizonEnd = WholeDays.after(cutoff, horizonDays);
        if (horizonEnd.isAfter(history.historyEnd())) {
            throw new ChurnRunException(ChurnRunFailure.LABELS_NOT_OBSERVED, ChurnPhase.FEATURES, "the " + which
                    + " cutoff " + cutoff + " needs orders up to " + horizonEnd + " for its " + horizonDays
                    + "-day labels, but the history ends at " + history.historyEnd()
                    + "; move the cutoffs back or wait for more data");
        }
    }
}
