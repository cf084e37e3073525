package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Clusters customers with k-means and describes the clusters. One run:
 * <ol>
 *   <li>builds the {@link FeatureSpace} (log1p for money and counts, standardisation) and scales every customer;</li>
 *   <li>for each k of the range, fits k-means++ several times with a seed derived from the run seed and keeps the
 *       restart with the lowest distortion, then scores it by the mean silhouette on one fixed random sample;</li>
 *   <li>keeps the k with the highest silhouette (ties: the smaller k, fewer segments being easier to act on);</li>
 *   <li>merges clusters below the minimum share into their nearest neighbour and renumbers them densely, largest
 *       first;</li>
 *   <li>measures the final clusters (sample silhouette, Davies–Bouldin, inertia) and profiles and names them.</li>
 * </ol>
 * The same customers (in the same order), options and seed give the same result.
 *
 * <p>CPU-bound: with n customers, r restarts and m sampled rows, roughly O(r·n·k·iterations) per k plus O(m²) for each
 * silhouette; Smile may use the common ForkJoin pool. Run it from a job on a worker executor, never on an event-loop
 * thread or inside a request. Stateless and thread-safe.
 */
public final class CustomerClustering {

    private static final int SCALED = 5;
    private static final int FITTED = 85;
    private static final int MERGED = 88;
    private static final int MEASURED = 92;

    private final ClusterProfiler profiler = new ClusterProfiler();

    /** {@link #cluster(List, ClusteringOptions, ClusteringProgress)} without progress reports. */
    public ClusteringResult cluster(List<ClusteringCustomer> customers, ClusteringOptions options) {
        return cluster(customers, options, ClusteringProgress.NONE);
    }

    /**
     * Clusters {@code customers}. The range of k is capped at the number of customers: k above it is not tried.
     *
     * <p>Degenerate data gives a documented degenerate result rather than an error: when the customers have fewer
     * distinct feature vectors than k, k-means leaves clusters empty, which are dropped, so a candidate may report fewer
     * {@link KCandidate#clusters() clusters} than k and the result may hold fewer clusters than {@code minK} (a single
     * one, with silhouette and Davies–Bouldin 0, when all customers look the same). The size floor may also end below
     * {@code minK}; {@link ClusteringResult#merges()} says so.
     *
     * @throws IllegalArgumentException for no customers, a null or duplicate customer, or fewer customers than
     *                                  {@code options.minK()}
     */
    public ClusteringResult cluster(List<ClusteringCustomer> customers, ClusteringOptions options,
            ClusteringProgress progress) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        requireClusterable(customers, options);
        List<ClusteringCustomer> population = List.copyOf(customers);
        Progress report = new Progress(progress);
        report.at(ClusteringPhase.SCALING, 0);

        FeatureSpace space = FeatureSpace.fit(population, options.categoryFeatures(), options.channelFeatures());
        double[][] x = space.scaleAll(population);
        int[] sample = Silhouette.sample(x.length, options.silhouetteSampleSize(), options.seed());
        KMeansFitter fitter = new KMeansFitter(x);
        report.at(ClusteringPhase.SCALING, SCALED);

        int maxK = Math.min(options.maxK(), x.length);
        int tried = maxK - options.minK() + 1;
        double span = (double) (FITTED - SCALED) / tried;
        List<KCandidate> candidates = new ArrayList<>();
        Partition chosen = null;
        int chosenK = 0;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = options.minK(); k <= maxK; k++) {
            double start = SCALED + span * (k - options.minK());
            report.at(ClusteringPhase.FITTING, start);
            Partition fitted = fitter.fit(k, options.restarts(), options.maxIterations(), options.tolerance(),
                    options.seed(), restart -> report.at(ClusteringPhase.FITTING,
                            start + span * 0.8 * restart / options.restarts()));
            report.at(ClusteringPhase.SILHOUETTE, start + span * 0.8);
            double silhouette = Silhouette.mean(x, fitted.labels(), fitted.clusterCount(), sample);
            candidates.add(new KCandidate(k, fitted.clusterCount(), silhouette, fitted.inertia(x)));
            if (silhouette > bestSilhouette + 1e-12) {
                bestSilhouette = silhouette;
                chosen = fitted;
                chosenK = k;
            }
        }

        report.at(ClusteringPhase.MERGING, FITTED);
        SmallClusterMerger.Outcome merged = SmallClusterMerger.merge(x, chosen, options.minClusterShare());
        Partition result = merged.partition();

        report.at(ClusteringPhase.QUALITY, MERGED);
        ClusteringQuality quality = new ClusteringQuality(
                Silhouette.mean(x, result.labels(), result.clusterCount(), sample), sample.length,
                DaviesBouldin.index(x, result), result.inertia(x));

        report.at(ClusteringPhase.PROFILING, MEASURED);
        List<ClusterProfile> profiles = profiler.profile(population, space, result, options.profileTopEntries());
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (int i = 0; i < population.size(); i++) {
            labels.put(population.get(i).customerId(), result.label(i));
        }
        List<List<Double>> centroids = new ArrayList<>();
        for (double[] centroid : result.centroids()) {
            centroids.add(Vectors.toList(centroid));
        }
        ClusterModel model = new ClusterModel(space, centroids);
        ClusteringResult clustering = new ClusteringResult(population.size(), chosenK, candidates, merged.merges(), labels,
                model, model.centroidsInOriginalUnits(), quality, profiles);
        report.at(ClusteringPhase.DONE, 100);
        return clustering;
    }

    private static void requireClusterable(List<ClusteringCustomer> customers, ClusteringOptions options) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to cluster");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < customers.size(); i++) {
            ClusteringCustomer customer = customers.get(i);
            if (customer == null) {
                throw new IllegalArgumentException("customers[" + i + "] must not be null");
            }
            if (!ids.add(customer.customerId())) {
                throw new IllegalArgumentException("customerId " + customer.customerId()
                        + " appears more than once; each customer is clustered once per run");
            }
        }
        if (customers.size() < options.minK()) {
            throw new IllegalArgumentException("cannot form " + options.minK() + " clusters (minK) from " + customers.size()
                    + " customers; lower minK or cluster more customers");
        }
    }

    /** Turns phase positions into whole, never decreasing percentages. */
    private static final class Progress {

        private final ClusteringProgress target;
        private int last = -1;

        Progress(ClusteringProgress target) {
            this.target = target;
        }

        void at(ClusteringPhase phase, double percent) {
            int whole = Math.max(last, Math.min(phase == ClusteringPhase.DONE ? 100 : 99, (int) Math.floor(percent)));
            last = whole;
            target.update(phase, whole);
        }
    }
}
