package io.lodestar.segmentation.clustering;

import java.util.Objects;

/**
 * One column of the clustering space: a {@link FeatureKind} and, for category and channel shares, the category or channel.
 * Its {@link #name()} ({@code monetary}, {@code categoryShare:beauty}) is how a stored model refers to it, and
 * {@link #parse(String)} reads it back.
 *
 * @param kind the measure
 * @param key  the category or channel for keyed kinds, {@code null} otherwise
 */
public record Feature(FeatureKind kind, String key) {

    public Feature {
        Objects.requireNonNull(kind, "kind");
        if (kind.keyed() && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("feature " + kind.id() + " needs a category or channel key");
        }
        if (!kind.keyed() && key != null) {
            throw new IllegalArgumentException("feature " + kind.id() + " takes no key, got " + key);
        }
    }

    /** An unkeyed feature such as {@code Feature.of(FeatureKind.MONETARY)}. */
    public static Feature of(FeatureKind kind) {
        return new Feature(kind, null);
    }

    public static Feature categoryShare(String category) {
        return new Feature(FeatureKind.CATEGORY_SHARE, category);
    }

    public static Feature channelShare(String channel) {
        return new Feature(FeatureKind.CHANNEL_SHARE, channel);
    }

    /** The feature a {@link #name()} denotes; the key is everything after the first colon. */
    public static Feature parse(String name) {
        Objects.requireNonNull(name, "name");
        int colon = name.indexOf(':');
        if (colon < 0) {
            return new Feature(FeatureKind.ofId(name), null);
        }
        return new Feature(FeatureKind.ofId(name.substring(0, colon)), name.substring(colon + 1));
    }

    /** {@code kind.id()}, followed by {@code :key} for keyed kinds. */
    public String name() {
        return key == null ? kind.id() : kind.id() + ":" + key;
    }

    public Transform transform() {
        return kind.transform();
    }

    /** The customer's value of this feature in original units (days, orders, money, counts, rate or share). */
    public double rawValue(ClusteringCustomer customer) {
        return kind.raw(customer, key);
    }

    @Override
    public String toString() {
        return name();
    }
}
