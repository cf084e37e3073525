package io.lodestar.segmentation.clustering;

/**
 * The settings of one clustering run. Start from {@link #defaults()} and change what differs with the {@code with…}
 * methods.
 *
 * @param minK                  smallest k tried, 2–20
 * @param maxK                  largest k tried, {@code minK}–20; k is chosen by the silhouette within the range. The
 *                              default 5–8 follows marketing practice: enough groups to act on differently, few enough
 *                              that each gets a campaign
 * @param restarts              k-means++ restarts per k, 1–100; the restart with the lowest distortion is kept, because a
 *                              single k-means run can settle in a poor local minimum
 * @param maxIterations         Lloyd iterations per restart, at least 1
 * @param tolerance             relative distortion improvement below which a restart stops; positive
 * @param silhouetteSampleSize  customers sampled (without replacement, fixed seed) for the silhouette, at least 2; the
 *                              silhouette costs O(m²), so it is computed on a sample, the same one for every k
 * @param minClusterShare       clusters holding a smaller share of the customers are merged into their nearest neighbour;
 *                              0 (no floor) up to, excluding, 0.5
 * @param seed                  seeds k-means++ and the silhouette sample; the same seed and input give the same result
 * @param categoryFeatures      how many categories (those with the most spend overall) become share features, 0–50
 * @param channelFeatures       how many channels (those with the most interactions overall) become share features, 0–50
 * @param profileTopEntries     how many top categories, top channels and distinguishing features a profile lists, 1–20
 */
public record ClusteringOptions(int minK, int maxK, int restarts, int maxIterations, double tolerance,
        int silhouetteSampleSize, double minClusterShare, long seed, int categoryFeatures, int channelFeatures,
        int profileTopEntries) {

    /** Smallest k a run accepts. */
    public static final int K_FLOOR = 2;
    /** Largest k a run accepts: beyond it segments stop being actionable. */
    public static final int K_CEILING = 20;

    public ClusteringOptions {
        requireWithin("minK", minK, K_FLOOR, K_CEILING);
        requireWithin("maxK", maxK, K_FLOOR, K_CEILING);
        if (minK > maxK) {
            throw new InvalidClusteringOptionsException("minK", "must not exceed maxK (" + maxK + "), was " + minK);
        }
        requireWithin("restarts", restarts, 1, 100);
        if (maxIterations < 1) {
            throw new InvalidClusteringOptionsException("maxIterations", "must be at least 1, was " + maxIterations);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new InvalidClusteringOptionsException("tolerance", "must be a positive number, was " + tolerance);
        }
        if (silhouetteSampleSize < 2) {
            throw new InvalidClusteringOptionsException("silhouetteSampleSize",
                    "must be at least 2 (the silhouette compares pairs of customers), was " + silhouetteSampleSize);
        }
        if (!(minClusterShare >= 0 && minClusterShare < 0.5)) {
            throw new InvalidClusteringOptionsException("minClusterShare", "must be within [0, 0.5), was " + minClusterShare);
        }
        requireWithin("categoryFeatures", categoryFeatures, 0, 50);
        requireWithin("channelFeatures", channelFeatures, 0, 50);
        requireWithin("profileTopEntries", profileTopEntries, 1, 20);
    }

    /**
     * k from 5 to 8, 8 restarts, 100 iterations, tolerance 1e-4, a silhouette sample of 3,000, a 2 % floor on cluster size,
     * seed 42, the top 5 categories and top 4 channels as features, 3 entries per profile list.
     */
    public static ClusteringOptions defaults() {
        return new ClusteringOptions(5, 8, 8, 100, 1e-4, 3_000, 0.02, 42L, 5, 4, 3);
    }

    public ClusteringOptions withKRange(int min, int max) {
        return new ClusteringOptions(min, max, restarts, maxIterations, tolerance, silhouetteSampleSize, minClusterShare,
                seed, categoryFeatures, channelFeatures, profileTopEntries);
    }

    /** Exactly {@code k} clusters before the size floor is applied. */
    public ClusteringOptions withFixedK(int k) {
        return withKRange(k, k);
    }

    public ClusteringOptions withRestarts(int value) {
        return new ClusteringOptions(minK, maxK, value, maxIterations, tolerance, silhouetteSampleSize, minClusterShare,
                seed, categoryFeatures, channelFeatures, profileTopEntries);
    }

    public ClusteringOptions withSilhouetteSampleSize(int value) {
        return new ClusteringOptions(minK, maxK, restarts, maxIterations, tolerance, value, minClusterShare, seed,
                categoryFeatures, channelFeatures, profileTopEntries);
    }

    public ClusteringOptions withMinClusterShare(double value) {
        return new ClusteringOptions(minK, maxK, restarts, maxIterations, tolerance, silhouetteSampleSize, value, seed,
                categoryFeatures, channelFeatures, profileTopEntries);
    }

    public ClusteringOptions withSeed(long value) {
        return new ClusteringOptions(minK, maxK, restarts, maxIterations, tolerance, silhouetteSampleSize, minClusterShare,
                value, categoryFeatures, channelFeatures, profileTopEntries);
    }

    public ClusteringOptions withPreferenceFeatures(int categories, int channels) {
        return new ClusteringOptions(minK, maxK, restarts, maxIterations, tolerance, silhouetteSampleSize, minClusterShare,
                seed, categories, channels, profileTopEntries);
    }

    private static void requireWithin(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidClusteringOptionsException(field, "must be within " + min + ".." + max + ", was " + value);
        }
    }
}
