package io.lodestar.customerprofile.customer360;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lodestar.customerprofile.consent.ConsentView;
import io.lodestar.customerprofile.customer.CustomerView;

/**
 * Everything known about one customer, for operators and app backends: attributes, what they bought, how they
 * behave, how they feel about us, what they agreed to, and which segments they are in.
 */
public record Customer360View(CustomerView profile, OrderSummary orders, BehaviourSummary behaviour,
        FeedbackSummary feedback, List<ConsentView> consents, Map<String, String> segmentTags) {

    /**
     * Paid orders (refunds deducted from spend). Amounts assume the shop's one currency, given in {@code currency}.
     *
     * @param refundRate share of the paid amount that was refunded, 0–1
     */
    public record OrderSummary(long paidOrders, BigDecimal netSpend, BigDecimal averageOrderValue,
            Instant firstOrderAt, Instant lastOrderAt, Map<String, Window> windows, BigDecimal refundRate,
            String currency, List<String> topCategories) {
    }

    /** Paid orders and net spend over the last {@code days} days (keys d30, d90, d180, d365). */
    public record Window(int days, long orders, BigDecimal netSpend) {
    }

    /**
     * Counted as events arrive.
     *
     * @param activeHoursUtc    the customer's three busiest hours of day (UTC)
     * @param activeDaysOfWeek  the three busiest ISO days (1 = Monday)
     */
    public record BehaviourSummary(long events, Map<String, Long> byBehaviour, List<String> topCategories,
            String preferredChannel, List<Integer> activeHoursUtc, List<Integer> activeDaysOfWeek,
            Instant lastSeenAt) {
    }

    public record FeedbackSummary(Score latestNps, Score latestCsat, long complaints) {
    }

    public record Score(int score, Instant givenAt) {
    }
}
