package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Describes the final clusters: size and share, revenue share, every feature (z-score, centroid in original units,
 * raw means), top categories and channels, the most distinguishing features, and a name from {@link ClusterNamer}.
 * The z-score of a feature is the cluster centroid in the scaled space: the space is standardised over the same
 * population, so it is the standardised difference between the cluster's mean and the population's.
 */
final class ClusterProfiler {

    private final ClusterNamer namer = new ClusterNamer();

    List<ClusterProfile> profile(List<ClusteringCustomer> customers, FeatureSpace space, Partition partition, int top) {
        int n = customers.size();
        int k = partition.clusterCount();
        int d = space.dimension();
        List<Feature> features = space.features();

        double[] populationSums = new double[d];
        double[][] clusterSums = new double[k][d];
        double[] revenue = new double[k];
        double totalRevenue = 0;
        for (int i = 0; i < n; i++) {
            ClusteringCustomer customer = customers.get(i);
            int c = partition.label(i);
            double[] raw = space.rawValues(customer);
            for (int j = 0; j < d; j++) {
                populationSums[j] += raw[j];
                clusterSums[c][j] += raw[j];
            }
            revenue[c] += customer.monetary();
            totalRevenue += customer.monetary();
        }
        List<Map<String, Double>> categorySpend = totalsPerCluster(customers, partition, ClusteringCustomer::categorySpend);
        List<Map<String, Double>> channelCounts = totalsPerCluster(customers, partition, ClusteringCustomer::channelCounts);
        Map<String, Double> populationCategories = merged(categorySpend);
        Map<String, Double> populationChannels = merged(channelCounts);

        List<ClusterNamer.Traits> traits = new ArrayList<>(k);
        List<double[]> zScores = new ArrayList<>(k);
        List<List<ShareEntry>> categoryShares = new ArrayList<>(k);
        List<List<ShareEntry>> channelShares = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double[] z = partition.centroid(c);
            zScores.add(z);
            Map<Feature, Double> byFeature = new LinkedHashMap<>();
            for (int j = 0; j < d; j++) {
                byFeature.put(features.get(j), z[j]);
            }
            categoryShares.add(shares(categorySpend.get(c), populationCategories));
            channelShares.add(shares(channelCounts.get(c), populationChannels));
            traits.add(new ClusterNamer.Traits(byFeature, categoryShares.get(c), channelShares.get(c)));
        }
        List<String> names = namer.names(traits);

        List<ClusterProfile> profiles = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int size = partition.size(c);
            double[] z = zScores.get(c);
            double[] original = space.toOriginalUnits(z);
            List<FeatureProfile> featureProfiles = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                featureProfiles.add(new FeatureProfile(features.get(j).name(), z[j], original[j], clusterSums[c][j] / size,
                        populationSums[j] / n));
            }
            profiles.add(new ClusterProfile(c, names.get(c), size, (double) size / n,
                    totalRevenue > 0 ? revenue[c] / totalRevenue : 0, featureProfiles,
                    first(categoryShares.get(c), top), first(channelShares.get(c), top),
                    distinguishing(features, z, top)));
        }
        return profiles;
    }

    /** The {@code top} features with the largest |z|, largest first (ties: feature order); z = 0 is not distinguishing. */
    static List<DistinguishingFeature> distinguishing(List<Feature> features, double[] z, int top) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < z.length; j++) {
            if (z[j] != 0) {
                order.add(j);
            }
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(z[j])).thenComparing(j -> j));
        List<DistinguishingFeature> result = new ArrayList<>();
        for (int j : order.subList(0, Math.min(top, order.size()))) {
            result.add(new DistinguishingFeature(features.get(j).name(), z[j], z[j] > 0 ? Direction.HIGH : Direction.LOW));
        }
        return result;
    }

    /**
     * Each key's share of {@code cluster}'s total, next to its share of the population's, largest first (ties: key);
     * keys with nothing in the cluster are left out, and a cluster with no total has no shares.
     */
    static List<ShareEntry> shares(Map<String, Double> cluster, Map<String, Double> population) {
        double clusterTotal = cluster.values().stream().mapToDouble(Double::doubleValue).sum();
        double populationTotal = population.values().stream().mapToDouble(Double::doubleValue).sum();
        if (clusterTotal <= 0) {
            return List.of();
        }
        return cluster.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new ShareEntry(entry.getKey(), entry.getValue() / clusterTotal,
                        population.getOrDefault(entry.getKey(), 0.0) / populationTotal))
                .toList();
    }

    private static List<ShareEntry> first(List<ShareEntry> entries, int count) {
        return entries.subList(0, Math.min(count, entries.size()));
    }

    private static List<Map<String, Double>> totalsPerCluster(List<ClusteringCustomer> customers, Partition partition,
            Function<ClusteringCustomer, Map<String, Double>> values) {
        List<Map<String, Double>> totals = new ArrayList<>();
        for (int c = 0; c < partition.clusterCount(); c++) {
            totals.add(new HashMap<>());
        }
        for (int i = 0; i < customers.size(); i++) {
            Map<String, Double> cluster = totals.get(partition.label(i));
            values.apply(customers.get(i)).forEach((key, value) -> cluster.merge(key, value, Double::sum));
        }
        return totals;
    }

    private static Map<String, Double> merged(List<Map<String, Double>> perCluster) {
        Map<String, Double> all = new HashMap<>();
        for (Map<String, Double> cluster : perCluster) {
            cluster.forEach((key, value) -> all.merge(key, value, Double::sum));
        }
        return all;
    }
}
