package io.lodestar.segmentation.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.segmentation.lifecycle.WholeDays;

/**
 * Builds churn features as of an instant and labels after a cutoff. It owns the feature order (the {@link
 * ChurnFeatureSpec}) and the time split: a feature only ever reads events at or before its instant, a label only events
 * after it, so nothing a model learns from comes from after the cutoff it is trained on. Stateless and thread-safe.
 *
 * <p>"In the last N days" uses the one day arithmetic of {@link WholeDays}: an event counts while it is fewer than N
 * whole days old, i.e. when it is after {@code asOf − N days}, which is what the binary searches compute.
 */
public final class ChurnFeatureBuilder {

    /**
     * Features of every customer with a paid order at or before {@code asOf}.
     *
     * @throws IllegalArgumentException when {@code asOf} is after the end of the history
     */
    public FeatureMatrix features(ChurnHistory history, Instant asOf, ChurnFeatureSpec spec) {
        return features(history, asOf, spec, done -> {
        });
    }

    /**
     * Features as of {@code cutoff} and the label over {@code (cutoff, cutoff + horizonDays]}.
     *
     * @throws IllegalArgumentException when the label window ends after the history (the runner reports this as
     *                                  {@link ChurnRunFailure#LABELS_NOT_OBSERVED} before it gets here)
     */
    public ChurnTrainingSet trainingSet(ChurnHistory history, Instant cutoff, ChurnFeatureSpec spec, int horizonDays) {
        return trainingSet(history, cutoff, spec, horizonDays, done -> {
        });
    }

    FeatureMatrix features(ChurnHistory history, Instant asOf, ChurnFeatureSpec spec, IntConsumer customersDone) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(spec, "spec");
        if (asOf.isAfter(history.historyEnd())) {
            throw new IllegalArgumentException("features as of " + asOf + " would read beyond the end of the history "
                    + history.historyEnd());
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            double[] row = row(history.customer(i), asOf, spec);
            if (row != null) {
                ids.add(history.customerIds().get(i));
                rows.add(row);
            }
            report(i + 1, customersDone);
        }
        return new FeatureMatrix(asOf, spec, ids, rows.toArray(new double[0][]));
    }

    ChurnTrainingSet trainingSet(ChurnHistory history, Instant cutoff, ChurnFeatureSpec spec, int horizonDays,
            IntConsumer customersDone) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(spec, "spec");
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1, was " + horizonDays);
        }
        Instant horizonEnd = WholeDays.after(cutoff, horizonDays);
        if (horizonEnd.isAfter(history.historyEnd())) {
            throw new IllegalArgumentException("the label window of cutoff " + cutoff + " ends at " + horizonEnd
                    + ", after the end of the history " + history.historyEnd());
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int[] labels = new int[history.size()];
        for (int i = 0; i < history.size(); i++) {
            ChurnHistory.CustomerEvents customer = history.customer(i);
            double[] row = row(customer, cutoff, spec);
            if (row != null) {
                ids.add(history.customerIds().get(i));
                rows.add(row);
                labels[rows.size() - 1] = churned(customer, cutoff, horizonEnd) ? 1 : 0;
            }
            report(i + 1, customersDone);
        }
        return new ChurnTrainingSet(new FeatureMatrix(cutoff, spec, ids, rows.toArray(new double[0][])),
                Arrays.copyOf(labels, rows.size()), horizonDays);
    }

    /** No paid order in {@code (cutoff, horizonEnd]}: the first order after the cutoff is missing or after the end. */
    static boolean churned(ChurnHistory.CustomerEvents customer, Instant cutoff, Instant horizonEnd) {
        int upToCutoff = customer.ordersUpTo(cutoff);
        return upToCutoff == customer.totalOrders() || customer.paidAt(upToCutoff).isAfter(horizonEnd);
    }

    /** The features in {@link ChurnFeatureSpec#featureNames()} order, or {@code null} without an order up to asOf. */
    static double[] row(ChurnHistory.CustomerEvents customer, Instant asOf, ChurnFeatureSpec spec) {
        int frequency = customer.ordersUpTo(asOf);
        if (frequency == 0) {
            return null;
        }
        Instant first = customer.paidAt(0);
        Instant last = customer.paidAt(frequency - 1);
        long recencyDays = WholeDays.between(last, asOf);
        long tenureDays = WholeDays.between(first, asOf);
        double monetary = customer.spendOfFirst(frequency).doubleValue();
        double meanGapDays = frequency == 1 ? tenureDays : (double) WholeDays.between(first, last) / (frequency - 1);

        double[] row = new double[spec.featureCount()];
        row[0] = recencyDays;
        row[1] = frequency;
        row[2] = monetary;
        row[3] = monetary / frequency;
        row[4] = tenureDays;
        row[5] = frequency - customer.ordersUpTo(daysBefore(asOf, 30));
        row[6] = frequency - customer.ordersUpTo(daysBefore(asOf, 90));
        row[7] = meanGapDays;
        int column = ChurnFeatureSpec.PURCHASE_FEATURES.size();
        Instant windowStart = daysBefore(asOf, spec.behaviourWindowDays());
        for (BehaviourType type : spec.behaviourTypes()) {
            row[column++] = customer.eventsUpTo(type, asOf) - customer.eventsUpTo(type, windowStart);
        }
        return row;
    }

    /** Events at or before this instant are at least {@code days} whole days old at {@code asOf}. */
    private static Instant daysBefore(Instant asOf, int days) {
        return asOf.minus(Duration.ofDays(days));
    }

    private static void report(int done, IntConsumer customersDone) {
        if (done % ChurnProgressListener.REPORT_EVERY == 0) {
            customersDone.accept(done);
        }
    }
}
