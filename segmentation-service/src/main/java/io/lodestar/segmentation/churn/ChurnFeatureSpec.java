package io.lodestar.segmentation.churn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * Which features a churn model uses, and so their order: the {@link #PURCHASE_FEATURES purchase features} always, then
 * one count per listed behaviour type over the trailing window. A model stores its spec, so that scoring with a stored
 * model rebuilds exactly the features it was trained on.
 *
 * @param behaviourTypes      behaviour types to count, in this order, without duplicates; empty for purchases only
 * @param behaviourWindowDays the trailing window of the counts, in whole days before the cutoff
 */
public record ChurnFeatureSpec(List<BehaviourType> behaviourTypes, int behaviourWindowDays) {

    /**
     * The purchase features, in order. All are as of the cutoff {@code T}, over paid orders at or before {@code T}, in
     * {@link io.lodestar.segmentation.lifecycle.WholeDays whole days}:
     * <ul>
     * <li>{@code recency_days}: days from the last order to {@code T};</li>
     * <li>{@code frequency}: number of orders;</li>
     * <li>{@code monetary}: sum of paid amounts;</li>
     * <li>{@code avg_order_value}: monetary ÷ frequency;</li>
     * <li>{@code tenure_days}: days from the first order to {@code T};</li>
     * <li>{@code orders_last_30d}, {@code orders_last_90d}: orders fewer than 30 (90) whole days old at {@code T};</li>
     * <li>{@code mean_gap_days}: days from the first to the last order ÷ (frequency − 1), the mean gap between
     * consecutive orders; for a single order the gap still open, {@code tenure_days}, a lower bound of the first gap.</li>
     * </ul>
     */
    public static final List<String> PURCHASE_FEATURES = List.of("recency_days", "frequency", "monetary", "avg_order_value",
            "tenure_days", "orders_last_30d", "orders_last_90d", "mean_gap_days");

    /** Purchase features only. */
    public static final ChurnFeatureSpec PURCHASES_ONLY = new ChurnFeatureSpec(List.of(), 30);

    public ChurnFeatureSpec {
        if (behaviourTypes == null) {
            throw new InvalidChurnConfigException("features.behaviourTypes", "must be given (empty for purchases only)");
        }
        Set<BehaviourType> seen = EnumSet.noneOf(BehaviourType.class);
        for (BehaviourType type : behaviourTypes) {
            if (type == null) {
                throw new InvalidChurnConfigException("features.behaviourTypes", "must not contain null");
            }
            if (!seen.add(type)) {
                throw new InvalidChurnConfigException("features.behaviourTypes", "lists " + WireNames.of(type) + " twice");
            }
        }
        behaviourTypes = List.copyOf(behaviourTypes);
        if (behaviourWindowDays < 1) {
            throw new InvalidChurnConfigException("features.behaviourWindowDays", "must be at least 1, was "
                    + behaviourWindowDays);
        }
    }

    /** Purchase features and counts of these behaviour types in the last {@code windowDays} days. */
    public static ChurnFeatureSpec withBehaviour(int windowDays, BehaviourType... types) {
        Objects.requireNonNull(types, "types");
        return new ChurnFeatureSpec(List.of(types), windowDays);
    }

    /** The feature names in model order: the purchase features, then {@code behaviour_<wire name>_<window>d}. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(PURCHASE_FEATURES);
        for (BehaviourType type : behaviourTypes) {
            names.add("behaviour_" + WireNames.of(type) + "_" + behaviourWindowDays + "d");
        }
        return List.copyOf(names);
    }

    public int featureCount() {
        return PURCHASE_FEATURES.size() + behaviourTypes.size();
    }
}
