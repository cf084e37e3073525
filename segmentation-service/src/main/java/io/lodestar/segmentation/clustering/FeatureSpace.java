package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The clustering space: the feature order, each feature's {@link Transform}, and the standardisation of the transformed
 * values (z = (t − mean) / std), with mean and std stored as plain numbers so that a model can be stored and reloaded.
 * Standardising puts days, money and shares on one scale; without it the feature with the largest units decides every
 * distance.
 *
 * <p>A feature whose std is 0 (the same value for every customer the space was fitted on) carries no information: it
 * scales to 0 for everyone, new customers included, so it cannot pull a later customer towards any cluster, and it maps
 * back to its constant mean. {@code std} is stored as exactly 0 for such features (below a relative 1e-9 of the mean it is
 * taken as rounding noise).
 *
 * @param features the columns, in order
 * @param means    mean of each column's transformed values over the fitted population
 * @param stds     population standard deviation (divisor n) of each column's transformed values; 0 for a constant column
 */
public record FeatureSpace(List<Feature> features, List<Double> means, List<Double> stds) {

    public FeatureSpace {
        features = List.copyOf(features);
        means = List.copyOf(means);
        stds = List.copyOf(stds);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a feature space needs at least one feature");
        }
        if (means.size() != features.size() || stds.size() != features.size()) {
            throw new IllegalArgumentException("a feature space needs one mean and one std per feature: " + features.size()
                    + " features, " + means.size() + " means, " + stds.size() + " stds");
        }
        Set<Feature> seen = new HashSet<>();
        for (int j = 0; j < features.size(); j++) {
            Feature feature = features.get(j);
            if (!seen.add(feature)) {
                throw new IllegalArgumentException("feature " + feature.name() + " appears more than once");
            }
            if (!Double.isFinite(means.get(j))) {
                throw new IllegalArgumentException("mean of " + feature.name() + " must be finite, was " + means.get(j));
            }
            double std = stds.get(j);
            if (!Double.isFinite(std) || std < 0) {
                throw new IllegalArgumentException("std of " + feature.name() + " must be finite and not negative, was " + std);
            }
        }
    }

    /**
     * The standard space for a population: recency, frequency, monetary, product views, favourites, cart adds, cart
     * abandonment rate and discount share, then the share of the {@code categoryFeatures} categories and the
     * {@code channelFeatures} channels with the largest mean share per customer (ties by name). The mean of the
     * per-customer shares, not the total spend, picks them, so a few big spenders do not decide which tastes the space can
     * see. Long-tail categories are left out on purpose: a share that is 0 for nearly everyone adds dimensions without
     * separating groups; profiles and names still consider every category.
     */
    public static FeatureSpace fit(List<ClusteringCustomer> customers, int categoryFeatures, int channelFeatures) {
        Objects.requireNonNull(customers, "customers");
        if (categoryFeatures < 0 || channelFeatures < 0) {
            throw new IllegalArgumentException("categoryFeatures and channelFeatures must not be negative");
        }
        List<Feature> features = new ArrayList<>();
        for (FeatureKind kind : FeatureKind.values()) {
            if (!kind.keyed()) {
                features.add(Feature.of(kind));
            }
        }
        for (String category : topKeys(customers, ClusteringCustomer::categorySpend, categoryFeatures)) {
            features.add(Feature.categoryShare(category));
        }
        for (String channel : topKeys(customers, ClusteringCustomer::channelCounts, channelFeatures)) {
            features.add(Feature.channelShare(channel));
        }
        return fit(features, customers);
    }

    /** A space with the given features, standardised over {@code customers}. */
    public static FeatureSpace fit(List<Feature> features, List<ClusteringCustomer> customers) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(customers, "customers");
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("a feature space is fitted on at least one customer");
        }
        int d = features.size();
        int n = customers.size();
        double[] sum = new double[d];
        double[][] transformed = new double[n][d];
        for (int i = 0; i < n; i++) {
            ClusteringCustomer customer = Objects.requireNonNull(customers.get(i), "customers[" + i + "]");
            for (int j = 0; j < d; j++) {
                Feature feature = features.get(j);
                transformed[i][j] = feature.transform().apply(feature.rawValue(customer));
                sum[j] += transformed[i][j];
            }
        }
        List<Double> means = new ArrayList<>(d);
        List<Double> stds = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            double mean = sum[j] / n;
            double squares = 0;
            for (double[] row : transformed) {
                double deviation = row[j] - mean;
                squares += deviation * deviation;
            }
            double std = Math.sqrt(squares / n);
            means.add(mean);
            stds.add(std <= 1e-9 * Math.max(1, Math.abs(mean)) ? 0.0 : std);
        }
        return new FeatureSpace(features, means, stds);
    }

    public int dimension() {
        return features.size();
    }

    /** Index of a feature in this space, or -1. */
    public int indexOf(Feature feature) {
        return features.indexOf(feature);
    }

    /** The customer's feature values in original units, in feature order. */
    public double[] rawValues(ClusteringCustomer customer) {
        Objects.requireNonNull(customer, "customer");
        double[] raw = new double[features.size()];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = features.get(j).rawValue(customer);
        }
        return raw;
    }

    /** The customer's point in the clustering space. */
    public double[] scale(ClusteringCustomer customer) {
        return scaleRaw(rawValues(customer));
    }

    /** Transforms and standardises raw feature values (original units, feature order). */
    public double[] scaleRaw(double[] raw) {
        requireDimension(raw, "raw");
        double[] scaled = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            double std = stds.get(j);
            scaled[j] = std == 0 ? 0 : (features.get(j).transform().apply(raw[j]) - means.get(j)) / std;
        }
        return scaled;
    }

    /**
     * A point of the space (a centroid, say) in original units: standardisation inverted, then the transform. For a
     * log-transformed feature the centroid maps to the back-transformed mean of the logs, a typical customer's value
     * rather than the arithmetic mean, which the heavy tail would inflate.
     */
    public double[] toOriginalUnits(double[] scaled) {
        requireDimension(scaled, "scaled");
        double[] original = new double[scaled.length];
        for (int j = 0; j < scaled.length; j++) {
            original[j] = features.get(j).transform().invert(scaled[j] * stds.get(j) + means.get(j));
        }
        return original;
    }

    /** Every customer's point, one row per customer in input order. */
    double[][] scaleAll(List<ClusteringCustomer> customers) {
        double[][] x = new double[customers.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale(customers.get(i));
        }
        return x;
    }

    private void requireDimension(double[] values, String name) {
        Objects.requireNonNull(values, name);
        if (values.length != features.size()) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, the space has " + features.size()
                    + " features");
        }
    }

    private static List<String> topKeys(List<ClusteringCustomer> customers,
            Function<ClusteringCustomer, Map<String, Double>> values, int limit) {
        Map<String, Double> totals = new HashMap<>(); // sums of per-customer shares: the mean share times n
        for (ClusteringCustomer customer : customers) {
            Map<String, Double> own = values.apply(customer);
            double total = own.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0) {
                own.forEach((key, value) -> totals.merge(key, value / total, Double::sum));
            }
        }
        return totals.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}
