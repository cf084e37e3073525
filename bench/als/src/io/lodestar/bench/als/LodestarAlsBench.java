package io.lodestar.bench.als;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.lodestar.recommendation.als.AlsModel;
import io.lodestar.recommendation.als.AlsParameters;
import io.lodestar.recommendation.als.AlsProgress;
import io.lodestar.recommendation.als.ImplicitAlsTrainer;
import io.lodestar.recommendation.model.InteractionMatrix;

/**
 * Lodestar's side of the ALS benchmark (docs/benchmarks.md, issue 5): recommendation-service's own
 * {@link ImplicitAlsTrainer}, compiled by {@code bench/run-als.sh} against the service's classes and nothing else.
 * Building the {@link InteractionMatrix} is data loading and is not timed (Spark's side likewise caches its
 * DataFrame first); one repetition = {@code ImplicitAlsTrainer.train}. The first {@code WARMUP} repetitions warm the
 * JIT up and are marked so. The measured repetitions run with the loss off (Spark computes none); then the same
 * number with the loss on, to show what it costs. Prints one JSON line per repetition, after one for a popularity
 * baseline.
 *
 * <pre>java -cp ... io.lodestar.bench.als.LodestarAlsBench FILE RANK ITERATIONS LAMBDA ALPHA CG_STEPS THREADS SEED WARMUP REPS</pre>
 */
public final class LodestarAlsBench {

    private LodestarAlsBench() {
    }

    public static void main(String[] args) throws IOException {
        InteractionFile data = InteractionFile.read(Path.of(args[0]));
        AlsParameters parameters = new AlsParameters(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Double.parseDouble(args[3]), Double.parseDouble(args[4]), Integer.parseInt(args[5]),
                Long.parseLong(args[7]), Integer.parseInt(args[6]), false);
        int warmup = Integer.parseInt(args[8]);
        int reps = Integer.parseInt(args[9]);
        InteractionMatrix matrix = matrix(data);
        printPopularityBaseline(data);
        for (int rep = 1 - warmup; rep <= 2 * reps; rep++) {
            boolean withLoss = rep > reps;
            List<Double> losses = new ArrayList<>();
            long cpuStart = ProcessCpu.nanos();
            long start = System.nanoTime();
            AlsModel model = ImplicitAlsTrainer.train(matrix, parameters.withComputeLoss(withLoss),
                    withLoss ? (iteration, loss, elapsed) -> losses.add(loss) : AlsProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
            RankingMetrics metrics = RankingMetrics.evaluate(data, model.userFactors(), model.itemFactors(),
                    parameters.rank(), 20);
            System.out.printf(Locale.ROOT,
                    "{\"side\":\"Lodestar ImplicitAlsTrainer (CG %d steps)\",\"threads\":%d,\"rep\":%d,\"warmup\":%b,"
                            + "\"withLoss\":%b,\"trainSeconds\":%.3f,\"cpuSeconds\":%.3f,\"recallAt20\":%.5f,\"ndcgAt20\":%.5f,"
                            + "\"customersEvaluated\":%d,\"lambda\":%s,\"alpha\":%s,\"finalLoss\":%s}%n",
                    parameters.cgSteps(), parameters.threads(), rep, rep <= 0, withLoss, seconds, cpuSeconds, metrics.recall,
                    metrics.ndcg, metrics.customersEvaluated, parameters.regularization(), parameters.alpha(),
                    losses.isEmpty() ? "null" : String.format(Locale.ROOT, "%.1f", losses.get(losses.size() - 1)));
        }
    }

    /**
     * Context for the recall figures: the same metrics for "most bought first" (rank 1: every customer 1, every item
     * its number of positive training cells), so the table shows how much of ALS's recall is taste, not popularity.
     */
    private static void printPopularityBaseline(InteractionFile data) {
        float[] customers = new float[data.customers];
        java.util.Arrays.fill(customers, 1f);
        float[] items = new float[data.items];
        for (int k = 0; k < data.trainItem.length; k++) {
            if (data.trainWeight[k] > 0) {
                items[data.trainItem[k]]++;
            }
        }
        RankingMetrics metrics = RankingMetrics.evaluate(data, customers, items, 1, 20);
        System.out.printf(Locale.ROOT, "{\"side\":\"popularity baseline\",\"baseline\":true,\"recallAt20\":%.5f,"
                + "\"ndcgAt20\":%.5f,\"customersEvaluated\":%d}%n", metrics.recall, metrics.ndcg,
                metrics.customersEvaluated);
    }

    private static InteractionMatrix matrix(InteractionFile data) {
        List<String> customers = new ArrayList<>(data.customers);
        for (int c = 0; c < data.customers; c++) {
            customers.add("c" + c);
        }
        List<String> items = new ArrayList<>(data.items);
        for (int i = 0; i < data.items; i++) {
            items.add("i" + i);
        }
        InteractionMatrix.Builder builder = InteractionMatrix.builder(customers, items);
        for (int k = 0; k < data.trainCustomer.length; k++) {
            builder.add(data.trainCustomer[k], data.trainItem[k], data.trainWeight[k]);
        }
        return builder.build();
    }
}
