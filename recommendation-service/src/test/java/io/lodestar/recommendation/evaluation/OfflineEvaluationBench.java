package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lodestar.recommendation.forecast.DemandForecast;
import io.lodestar.recommendation.forecast.DemandForecaster;
import io.lodestar.recommendation.forecast.ForecastParameters;

/**
 * A throughput check for docs, not a test (surefire ignores it; timings never go into unit tests): a leave-last-out
 * evaluation of the two baselines on a synthetic Zipf population, and demand-forecast fits on two years of days.
 *
 * <pre>
 * mvn -o -q -pl recommendation-service test-compile
 * java -cp recommendation-service/target/classes:recommendation-service/target/test-classes \
 *     io.lodestar.recommendation.evaluation.OfflineEvaluationBench [customers] [items] [perCustomer]
 * </pre>
 */
public final class OfflineEvaluationBench {

    private OfflineEvaluationBench() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int perCustomer = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Random random = new Random(1);
        double[] cumulative = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<TimedInteraction> history = new ArrayList<>(customers * perCustomer);
        for (int c = 0; c < customers; c++) {
            for (int n = 0; n < perCustomer; n++) {
                int item = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                item = item < 0 ? -item - 1 : item;
                history.add(new TimedInteraction("c" + c, "i" + Math.min(item, items - 1), 1f,
                        start.plusSeconds(3_600L * n)));
            }
        }
        long t0 = System.nanoTime();
        EvaluationSplit split = EvaluationSplit.leaveLastOut(history);
        long t1 = System.nanoTime();
        EvaluationReport report = OfflineEvaluation.run(split, Map.of(), List.of(10, 20), EvaluationProgress.NONE);
        long t2 = System.nanoTime();
        System.out.printf("interactions=%d split=%.2fs evaluation(popularity+random, k=10,20)=%.2fs users=%d%n",
                history.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, split.summary().evaluatedCustomers());
        for (ModelEvaluation model : report.models()) {
            AccuracyAtK at10 = model.at(10);
            System.out.printf("  %-10s ndcg@10=%.4f recall@10=%.4f hit@10=%.4f coverage@20=%.3f longTail@20=%.3f%n",
                    model.model(), at10.ndcg(), at10.recall(), at10.hitRate(), model.coverage(), model.longTailShare());
        }

        double[] demand = new double[730];
        for (int t = 0; t < demand.length; t++) {
            demand[t] = 300 + 0.2 * t + 40 * Math.sin(2 * Math.PI * t / 7) + 10 * random.nextGaussian();
        }
        for (boolean damped : new boolean[] {false, true}) {
            long f0 = System.nanoTime();
            DemandForecast forecast = DemandForecaster.fit(demand, LocalDate.of(2024, 1, 1),
                    ForecastParameters.defaults().withDampedTrend(damped));
            long f1 = System.nanoTime();
            System.out.printf("forecast 730 days damped=%s: %.0f ms (two fits), backtest MAPE=%.4f over %d days%n",
                    damped, (f1 - f0) / 1e6, forecast.backtestMape().orElse(Double.NaN), forecast.backtestDays());
        }
    }
}
