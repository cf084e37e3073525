package io.lodestar.segmentation.clustering;

/**
 * The measures a {@link Feature} can be built from, each with its fixed {@link Transform}. Recency, money and counts are
 * log-transformed (heavy-tailed: 300 vs 330 days since the last order matters less than 1 vs 30), rates and shares are not.
 * Category and channel preferences are shares of the customer's own total, so they describe taste independently of volume,
 * which recency, frequency and monetary already carry.
 */
public enum FeatureKind {

    RECENCY_DAYS("recencyDays", Transform.SIGNED_LOG1P, false),
    FREQUENCY("frequency", Transform.SIGNED_LOG1P, false),
    MONETARY("monetary", Transform.SIGNED_LOG1P, false),
    PRODUCT_VIEWS("productViews", Transform.SIGNED_LOG1P, false),
    FAVORITES("favorites", Transform.SIGNED_LOG1P, false),
    CART_ADDS("cartAdds", Transform.SIGNED_LOG1P, false),
    CART_ABANDONMENT_RATE("cartAbandonmentRate", Transform.NONE, false),
    DISCOUNT_SHARE("discountShare", Transform.NONE, false),
    /** Share of the customer's category spend that went to the feature's category (0 when the customer spent nothing). */
    CATEGORY_SHARE("categoryShare", Transform.NONE, true),
    /** Share of the customer's channel interactions that came through the feature's channel (0 when there were none). */
    CHANNEL_SHARE("channelShare", Transform.NONE, true);

    private final String id;
    private final Transform transform;
    private final boolean keyed;

    FeatureKind(String id, Transform transform, boolean keyed) {
        this.id = id;
        this.transform = transform;
        this.keyed = keyed;
    }

    /** Stable identifier used in feature names (e.g. {@code monetary}, {@code categoryShare}). */
    public String id() {
        return id;
    }

    public Transform transform() {
        return transform;
    }

    /** Whether a feature of this kind needs a key (the category or channel it measures). */
    public boolean keyed() {
        return keyed;
    }

    /** The kind with the given {@link #id()}. */
    public static FeatureKind ofId(String id) {
        for (FeatureKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown feature kind " + id);
    }

    /** The raw value (original units) of this kind for a customer; {@code key} is ignored for unkeyed kinds. */
    double raw(ClusteringCustomer customer, String key) {
        return switch (this) {
            case RECENCY_DAYS -> customer.recencyDays();
            case FREQUENCY -> customer.frequency();
            case MONETARY -> customer.monetary();
            case PRODUCT_VIEWS -> customer.productViews();
            case FAVORITES -> customer.favorites();
            case CART_ADDS -> customer.cartAdds();
            case CART_ABANDONMENT_RATE -> customer.cartAbandonmentRate();
            case DISCOUNT_SHARE -> customer.discountShare();
            case CATEGORY_SHARE -> shareOf(customer.categorySpend().getOrDefault(key, 0.0), customer.totalCategorySpend());
            case CHANNEL_SHARE -> shareOf(customer.channelCounts().getOrDefault(key, 0.0), customer.totalChannelCount());
        };
    }

    private static double shareOf(double part, double total) {
        return total > 0 ? part / total : 0;
    }
}
