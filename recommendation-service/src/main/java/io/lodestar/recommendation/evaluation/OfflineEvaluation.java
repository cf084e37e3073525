package io.lodestar.recommendation.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;
import io.lodestar.recommendation.popularity.PopularRecommender;

/**
 * Trains every model on the same split and measures it the same way, next to the popularity and random baselines.
 *
 * <p>Protocol, per model and evaluated user (a training row with at least one relevant item): the model is asked for
 * {@code maxK} items plus as many as the user has training items; items the user already has in training are then
 * dropped when the split excluded them from the relevant sets ({@link EvaluationSplit#trainingItemsExcluded()}, the usual
 * protocol, which makes a model that re-recommends owned items neither better nor worse), as are non-positive scores and
 * repeats; the first {@code maxK} that remain are the user's list. Every k is measured on a prefix of that one list.
 *
 * <p>Users are scored in parallel on the common ForkJoin pool (recommenders are thread-safe by contract); each user's list
 * lands in its own slot and metrics are summed in row order afterwards, so results are the same on any number of threads
 * as long as the models are deterministic. CPU-bound: run it from a job, never on an event loop.
 */
public final class OfflineEvaluation {

    /** Seed of the random baseline, fixed so that two runs on the same split report the same floor. */
    public static final long RANDOM_BASELINE_SEED = 20_240_601L;

    private OfflineEvaluation() {
    }

    /**
     * Runs the evaluation.
     *
     * @param split    the training matrix and relevant items
     * @param models   model name → how to train it on a matrix; the names {@value PopularRecommender#NAME} and
     *                 {@value RandomRecommender#NAME} are taken by the baselines
     * @param ks       list lengths to report, each at least 1 (duplicates ignored)
     * @param progress receives per-model, per-phase progress on the calling thread
     * @return one evaluation per model: the baselines first, then {@code models} in iteration order
     */
    public static EvaluationReport run(EvaluationSplit split, Map<String, Function<InteractionMatrix, Recommender>> models,
            List<Integer> ks, EvaluationProgress progress) {
        int[] sortedKs = validKs(ks);
        Map<String, Function<InteractionMatrix, Recommender>> all = withBaselines(models);
        InteractionMatrix training = split.training();
        LongTail longTail = LongTail.of(training);
        int[] rows = split.evaluatedRows();
        List<int[]> relevant = new ArrayList<>(rows.length);
        for (int row : rows) {
            relevant.add(split.relevantView(row));
        }
        int maxK = sortedKs[sortedKs.length - 1];
        List<ModelEvaluation> results = new ArrayList<>(all.size());
        int done = 0;
        for (Map.Entry<String, Function<InteractionMatrix, Recommender>> model : all.entrySet()) {
            int base = 100 * done / all.size();
            int share = 100 / all.size();
            progress.update(model.getKey(), EvaluationPhase.TRAINING, base);
            long started = System.nanoTime();
            Recommender recommender = model.getValue().apply(training);
            Duration trainingTime = Duration.ofNanos(System.nanoTime() - started);

            progress.update(model.getKey(), EvaluationPhase.RECOMMENDING, base + share / 3);
            List<int[]> ranked = topLists(recommender, training, rows, maxK, split.trainingItemsExcluded());

            progress.update(model.getKey(), EvaluationPhase.SCORING, base + 2 * share / 3);
            List<AccuracyAtK> accuracy = new ArrayList<>(sortedKs.length);
            for (int k : sortedKs) {
                accuracy.add(RankingMetrics.average(k, ranked, relevant));
            }
            results.add(new ModelEvaluation(model.getKey(), accuracy, maxK,
                    CatalogueCoverage.of(ranked, maxK, training.itemCount()), longTail.share(ranked, maxK), rows.length,
                    trainingTime));
            done++;
        }
        progress.update(null, EvaluationPhase.DONE, 100);
        return new EvaluationReport(results, split.summary());
    }

    private static int[] validKs(List<Integer> ks) {
        TreeSet<Integer> distinct = new TreeSet<>(ks);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("at least one k is needed");
        }
        if (distinct.first() < 1) {
            throw new IllegalArgumentException("every k must be at least 1");
        }
        return distinct.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, Function<InteractionMatrix, Recommender>> withBaselines(
            Map<String, Function<InteractionMatrix, Recommender>> models) {
        if (models.containsKey(PopularRecommender.NAME) || models.containsKey(RandomRecommender.NAME)) {
            throw new IllegalArgumentException("the model names " + PopularRecommender.NAME + " and "
                    + RandomRecommender.NAME + " are reserved for the baselines every evaluation includes");
        }
        Map<String, Function<InteractionMatrix, Recommender>> all = new LinkedHashMap<>();
        all.put(PopularRecommender.NAME, PopularRecommender::train);
        all.put(RandomRecommender.NAME, matrix -> RandomRecommender.over(matrix, RANDOM_BASELINE_SEED));
        all.putAll(models);
        return all;
    }

    private static List<int[]> topLists(Recommender recommender, InteractionMatrix training, int[] rows, int maxK,
            boolean excludeTrainingItems) {
        int[][] lists = new int[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(u -> {
            UserHistory history = UserHistory.ofRow(training, rows[u]);
            lists[u] = topList(recommender, history, maxK, excludeTrainingItems, training.itemCount());
        });
        return Arrays.asList(lists);
    }

    private static int[] topList(Recommender recommender, UserHistory history, int maxK, boolean excludeTrainingItems,
            int itemCount) {
        int asked = excludeTrainingItems ? maxK + history.size() : maxK;
        int[] list = new int[maxK];
        int kept = 0;
        BitSet seen = new BitSet();
        for (ScoredItem candidate : recommender.recommend(history, asked)) {
            if (kept == maxK) {
                break;
            }
            int item = candidate.item();
            if (item < 0 || item >= itemCount) {
                // A model trained on this split cannot know another index; dropping it would hide the bug.
                throw new IllegalStateException(
                        recommender.name() + " recommended item " + item + " outside the training catalogue");
            }
            boolean owned = excludeTrainingItems && Arrays.binarySearch(history.items(), item) >= 0;
            if (candidate.score() > 0 && !owned && !seen.get(item)) {
                seen.set(item);
                list[kept++] = item;
            }
        }
        return Arrays.copyOf(list, kept);
    }
}
