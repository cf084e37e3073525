package io.lodestar.segmentation.clustering;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lodestar's side of the K-means benchmark (docs/benchmarks.md, issue 4): the real {@link KMeansFitter} of
 * segmentation-service -- the one class that calls Smile, the k-means that {@link CustomerClustering} runs for each k --
 * with a fixed k, on the matrix of {@code bench/kmeans/make_matrix.py}. It lives in the fitter's package because the
 * fitter is package-private; it is compiled by {@code bench/run-kmeans.sh} against segmentation-service's classes and
 * Smile from the service's own {@code quarkus-app/lib}, nothing else.
 *
 * <p>Fixed k rather than {@link CustomerClustering#cluster}: a clustering run also scales features, tries a range of
 * k, computes sample silhouettes, merges small clusters and profiles them, none of which scikit-learn's KMeans does.
 * One repetition = what {@code KMeans.fit} is on the other side: build the BBD tree (once per data set, as
 * {@code CustomerClustering} does) and fit {@code restarts} k-means++ restarts, keeping the lowest distortion.
 * Prints one JSON line per repetition; the first ones warm the JIT up and are marked so.
 *
 * <pre>java -cp ... io.lodestar.segmentation.clustering.KMeansBench MATRIX N D K RESTARTS MAX_ITER TOL SEED WARMUP REPS</pre>
 */
public final class KMeansBench {

    private KMeansBench() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int d = Integer.parseInt(args[2]);
        int k = Integer.parseInt(args[3]);
        int restarts = Integer.parseInt(args[4]);
        int maxIterations = Integer.parseInt(args[5]);
        double tolerance = Double.parseDouble(args[6]);
        long seed = Long.parseLong(args[7]);
        int warmup = Integer.parseInt(args[8]);
        int reps = Integer.parseInt(args[9]);
        double[][] x = read(path, n, d);
        int threads = Runtime.getRuntime().availableProcessors();
        for (int rep = 1 - warmup; rep <= reps; rep++) {
            long t0 = System.nanoTime();
            KMeansFitter fitter = new KMeansFitter(x);
            long t1 = System.nanoTime();
            Partition best = fitter.fit(k, restarts, maxIterations, tolerance, seed + rep, restart -> { });
            long t2 = System.nanoTime();
            double inertia = best.inertia(x);
            System.out.printf(java.util.Locale.ROOT,
                    "{\"side\":\"Lodestar KMeansFitter (Smile 2.6.0)\",\"threads\":%d,\"rep\":%d,\"warmup\":%b,"
                            + "\"wallSeconds\":%.3f,\"treeSeconds\":%.3f,\"fitSeconds\":%.3f,\"inertia\":%.6f,"
                            + "\"clusters\":%d}%n",
                    threads, rep, rep <= 0, (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, inertia,
                    best.clusterCount());
        }
    }

    private static double[][] read(Path path, int n, int d) throws IOException {
        double[][] x = new double[n][d];
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() != (long) n * d * Double.BYTES) {
                throw new IllegalArgumentException(path + " holds " + channel.size() + " bytes, not " + n + " x " + d
                        + " doubles");
            }
            ByteBuffer buffer = ByteBuffer.allocate(d * Double.BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
            int row = 0;
            while (row < n) {
                buffer.clear();
                int rows = Math.min(4096, n - row);
                buffer.limit(rows * d * Double.BYTES);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // fill
                }
                buffer.flip();
                for (int i = 0; i < rows; i++, row++) {
                    for (int j = 0; j < d; j++) {
                        x[row][j] = buffer.getDouble();
                    }
                }
            }
        }
        return x;
    }
}
