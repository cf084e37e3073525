package io.lodestar.segmentation.clustering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;

/**
 * What clustering needs to know about one customer, already aggregated by the caller over one window. Values are in their
 * natural units; the {@link FeatureSpace} decides how they are transformed and scaled.
 *
 * @param customerId          the caller's customer id; unique within one run
 * @param recencyDays         days since the last order (the caller picks a stand-in such as days since sign-up for
 *                            customers who never ordered); finite, not negative
 * @param frequency           orders in the window; not negative
 * @param monetary            net spend in the window; may be negative when refunds exceed purchases
 * @param productViews        product page views; not negative
 * @param favorites           products added to favourites or a wish list; not negative
 * @param cartAdds            add-to-cart events; not negative
 * @param cartAbandonmentRate share of carts not checked out, in [0, 1]
 * @param discountShare       share of spend made with a discount or coupon, in [0, 1]
 * @param categorySpend       spend per category (not negative); an empty map when unknown
 * @param channelCounts       interactions or orders per channel (not negative), e.g. {@code web}, {@code app}
 */
public record ClusteringCustomer(String customerId, double recencyDays, double frequency, double monetary,
        double productViews, double favorites, double cartAdds, double cartAbandonmentRate, double discountShare,
        Map<String, Double> categorySpend, Map<String, Double> channelCounts) {

    public ClusteringCustomer {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        requireNonNegative(customerId, "recencyDays", recencyDays);
        requireNonNegative(customerId, "frequency", frequency);
        requireFinite(customerId, "monetary", monetary);
        requireNonNegative(customerId, "productViews", productViews);
        requireNonNegative(customerId, "favorites", favorites);
        requireNonNegative(customerId, "cartAdds", cartAdds);
        requireRate(customerId, "cartAbandonmentRate", cartAbandonmentRate);
        requireRate(customerId, "discountShare", discountShare);
        categorySpend = copyOf(customerId, "categorySpend", categorySpend);
        channelCounts = copyOf(customerId, "channelCounts", channelCounts);
    }

    /** Spend over all categories of {@link #categorySpend()}. */
    public double totalCategorySpend() {
        return sum(categorySpend);
    }

    /** Count over all channels of {@link #channelCounts()}. */
    public double totalChannelCount() {
        return sum(channelCounts);
    }

    private static double sum(Map<String, Double> values) {
        double total = 0;
        for (double value : values.values()) {
            total += value;
        }
        return total;
    }

    private static void requireFinite(String customerId, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " of customer " + customerId + " must be a finite number, was "
                    + value);
        }
    }

    private static void requireNonNegative(String customerId, String field, double value) {
        requireFinite(customerId, field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + " of customer " + customerId + " must not be negative, was " + value);
        }
    }

    private static void requireRate(String customerId, String field, double value) {
        requireFinite(customerId, field, value);
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(field + " of customer " + customerId + " must be within [0, 1], was "
                    + value);
        }
    }

    /** An unmodifiable copy in the caller's iteration order, rejecting blank keys and invalid values. */
    private static Map<String, Double> copyOf(String customerId, String field, Map<String, Double> values) {
        if (values == null) {
            throw new IllegalArgumentException(field + " of customer " + customerId + " must not be null (use an empty map)");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(field + " of customer " + customerId + " has a blank key");
            }
            Double value = entry.getValue();
            if (value == null) {
                throw new IllegalArgumentException(field + "[" + key + "] of customer " + customerId + " must not be null");
            }
            requireNonNegative(customerId, field + "[" + key + "]", value);
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
