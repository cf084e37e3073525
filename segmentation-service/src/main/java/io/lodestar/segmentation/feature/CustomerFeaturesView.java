package io.lodestar.segmentation.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A customer's lifetime features as segmentation knows them (windowed values such as "orders in the last 90 days"
 * depend on an as-of instant and belong to runs and rules, not here).
 */
public record CustomerFeaturesView(
        String customerId,
        Instant firstPaidAt,
        Instant lastPaidAt,
        int paidOrders,
        BigDecimal grossSpend,
        BigDecimal refundedAmount,
        BigDecimal netSpend,
        BigDecimal averageOrderValue,
        BigDecimal discountShare,
        BigDecimal cartAbandonmentRate,
        Map<String, Integer> behaviourCounts,
        Instant lastEventAt,
        Map<String, BigDecimal> categorySpend,
        Map<String, Integer> channelCounts,
        Map<String, Integer> hourCounts,
        String preferredChannel,
        String topCategory,
        Attributes attributes) {

    /** The profile attributes segments target (absent until the profile's snapshot arrived). */
    public record Attributes(String gender, java.time.LocalDate birthDate, String cityTier, String region,
            String memberTier, String registrationChannel, Instant registeredAt) {
    }
}
