package io.lodestar.segmentation.clustering;

import java.util.function.IntConsumer;

import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * The one place that calls Smile: k-means with k-means++ seeding ({@link KMeans#fit(BBDTree, double[][], int, int,
 * double)}), restarted several times per k, keeping the restart with the lowest distortion. The BBD tree is built once per
 * data set and shared by every k and restart (it only reads the data).
 *
 * <p>Determinism: Smile draws its k-means++ seeds from a thread-local generator in {@link MathEx}; the parallel part of the
 * seeding only computes distances. Seeding that generator on the calling thread right before the restarts of a k, with a
 * value derived from the run seed and k, makes each k's model depend only on (data, seed, k), not on which other k were
 * tried. {@link MathEx#setSeed(long)} also updates a static, unsynchronised set, so calls are serialised on a lock. The
 * reseeding is a side effect on the calling thread's Smile generator, harmless for a job thread but worth knowing if
 * other Smile code shares that thread.
 */
final class KMeansFitter {

    private static final Object SEED_LOCK = new Object();

    private final double[][] x;
    private final BBDTree tree;

    KMeansFitter(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("nothing to cluster");
        }
        this.x = x;
        this.tree = new BBDTree(x);
    }

    /**
     * The best of {@code restarts} k-means++ runs with {@code k} clusters, as a {@link Partition} (which drops clusters
     * left empty when there are fewer distinct points than k). {@code restartDone} is called with the 1-based number of
     * each finished restart.
     */
    Partition fit(int k, int restarts, int maxIterations, double tolerance, long seed, IntConsumer restartDone) {
        if (k < 2 || k > x.length) {
            throw new IllegalArgumentException("k must be within 2.." + x.length + ", was " + k);
        }
        synchronized (SEED_LOCK) {
            MathEx.setSeed(seedFor(seed, k));
        }
        KMeans best = null;
        for (int restart = 1; restart <= restarts; restart++) {
            KMeans candidate = KMeans.fit(tree, x, k, maxIterations, tolerance);
            if (best == null || candidate.distortion < best.distortion) {
                best = candidate;
            }
            restartDone.accept(restart);
        }
        return Partition.of(x, best.y);
    }

    /** A per-k seed, mixed so that neighbouring run seeds and k do not share streams. */
    static long seedFor(long seed, int k) {
        long z = seed + 0x9E3779B97F4A7C15L * k;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
