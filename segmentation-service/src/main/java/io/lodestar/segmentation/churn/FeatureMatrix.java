package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Churn features of a population as of one instant: one row per customer (ascending customerId), one column per feature
 * of the spec. Rows go in and out as copies, so a caller cannot change a matrix a model was trained or scored on.
 */
public final class FeatureMatrix {

    private final Instant asOf;
    private final ChurnFeatureSpec spec;
    private final List<String> customerIds;
    private final double[][] rows;

    FeatureMatrix(Instant asOf, ChurnFeatureSpec spec, List<String> customerIds, double[][] rows) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.customerIds = List.copyOf(customerIds);
        if (rows.length != this.customerIds.size()) {
            throw new IllegalArgumentException(rows.length + " rows for " + this.customerIds.size() + " customers");
        }
        this.rows = rows; // built by ChurnFeatureBuilder and never shared
    }

    /** The instant the features are measured at (the cutoff, or the scoring instant). */
    public Instant asOf() {
        return asOf;
    }

    public ChurnFeatureSpec spec() {
        return spec;
    }

    public List<String> featureNames() {
        return spec.featureNames();
    }

    /** Customers with at least one paid order at or before {@link #asOf()}, in ascending order. */
    public List<String> customerIds() {
        return customerIds;
    }

    public int size() {
        return rows.length;
    }

    /** The features of row {@code index}, a copy. */
    public double[] row(int index) {
        return rows[index].clone();
    }

    /** The features of a customer by name, for explanations and tests. */
    public double value(int index, String feature) {
        int column = featureNames().indexOf(feature);
        if (column < 0) {
            throw new IllegalArgumentException("no feature " + feature + " in " + featureNames());
        }
        return rows[index][column];
    }

    /** The rows themselves, for the trainer and scorer of this package, which do not change them. */
    double[][] rowsUnsafe() {
        return rows;
    }
}
