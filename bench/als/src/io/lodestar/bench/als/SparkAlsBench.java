package io.lodestar.bench.als;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's side of the ALS benchmark (docs/benchmarks.md, issue 5): {@code org.apache.spark.ml.recommendation.ALS}
 * with {@code implicitPrefs}, in local mode on {@code local[THREADS]}, on the same training cells. The DataFrame is
 * built, cached and counted before the clock starts (data loading, as on Lodestar's side); one repetition =
 * {@code ALS.fit}, which ends by materialising both factor RDDs. The factors are then collected and judged by the same
 * {@link RankingMetrics} as Lodestar's. Prints one JSON line per repetition.
 *
 * <p>{@code regParam}: Spark multiplies it by each row's number of positive cells ("ALS-WR"), Lodestar does not. The
 * script passes {@code matched:λ}, the value that gives both the same total regularisation weight (see
 * {@link #regParam}); docs/benchmarks.md says why.
 *
 * <pre>java --add-opens ... io.lodestar.bench.als.SparkAlsBench FILE RANK ITERATIONS REG_PARAM ALPHA THREADS SEED WARMUP REPS</pre>
 */
public final class SparkAlsBench {

    private SparkAlsBench() {
    }

    public static void main(String[] args) throws IOException {
        InteractionFile data = InteractionFile.read(Path.of(args[0]));
        int rank = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        double regParam = regParam(args[3], data);
        double alpha = Double.parseDouble(args[4]);
        int threads = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        int warmup = Integer.parseInt(args[7]);
        int reps = Integer.parseInt(args[8]);
        SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("lodestar-als-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(threads))
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        try {
            Dataset<Row> ratings = ratings(spark, data).cache();
            long cells = ratings.count();
            for (int rep = 1 - warmup; rep <= reps; rep++) {
                ALS als = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations).setRegParam(regParam)
                        .setAlpha(alpha).setSeed(seed).setUserCol("customer").setItemCol("item")
                        .setRatingCol("weight");
                long cpuStart = ProcessCpu.nanos();
                long start = System.nanoTime();
                ALSModel model = als.fit(ratings);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
                RankingMetrics metrics = RankingMetrics.evaluate(data,
                        factors(model.userFactors(), data.customers, rank),
                        factors(model.itemFactors(), data.items, rank), rank, 20);
                System.out.printf(Locale.ROOT,
                        "{\"side\":\"Spark MLlib %s ALS (implicitPrefs)\",\"threads\":%d,\"rep\":%d,\"warmup\":%b,"
                                + "\"trainSeconds\":%.3f,\"cpuSeconds\":%.3f,\"recallAt20\":%.5f,\"ndcgAt20\":%.5f,"
                                + "\"customersEvaluated\":%d,\"regParam\":%s,\"alpha\":%s,\"cells\":%d}%n",
                        spark.version(), threads, rep, rep <= 0, seconds, cpuSeconds, metrics.recall, metrics.ndcg,
                        metrics.customersEvaluated, regParam, alpha, cells);
                model.userFactors().unpersist();
                model.itemFactors().unpersist();
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * A number, or {@code matched:λ} for the regParam that gives Spark the same total regularisation weight as
     * Lodestar's constant λ: Lodestar adds λ once per customer and per item, Spark adds regParam once per positive
     * cell on each side, so regParam = λ·(customers + items) / (2·positive cells).
     */
    private static double regParam(String argument, InteractionFile data) {
        if (!argument.startsWith("matched:")) {
            return Double.parseDouble(argument);
        }
        double lambda = Double.parseDouble(argument.substring("matched:".length()));
        return lambda * (data.customers + data.items) / (2.0 * data.positiveTrainCells());
    }

    private static Dataset<Row> ratings(SparkSession spark, InteractionFile data) {
        List<Row> rows = new ArrayList<>(data.trainCustomer.length);
        for (int k = 0; k < data.trainCustomer.length; k++) {
            rows.add(RowFactory.create(data.trainCustomer[k], data.trainItem[k], data.trainWeight[k]));
        }
        StructType schema = new StructType()
                .add("customer", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("weight", DataTypes.FloatType, false);
        return spark.createDataFrame(rows, schema).repartition(spark.sparkContext().defaultParallelism());
    }

    /** Spark's (id, features) rows back into a row-major array indexed by our dense ids; absent ids stay zero. */
    private static float[] factors(Dataset<Row> idAndFeatures, int count, int rank) {
        float[] out = new float[count * rank];
        for (Row row : idAndFeatures.collectAsList()) {
            int id = row.getInt(0);
            List<Float> features = row.getList(1);
            for (int f = 0; f < rank; f++) {
                out[id * rank + f] = features.get(f);
            }
        }
        return out;
    }
}
