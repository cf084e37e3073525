package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.segmentation.rfm.RfmGroup;

/**
 * Everything the in-memory evaluator reads about one customer: the row of {@code customer_feature_view} (lifetime
 * features and profile attributes), the RFM group per scoring model, the assignment (cluster, lifecycle, churn), and
 * the recent orders, refunds and behaviour events. {@link CustomerFactsLoader} reads them from the database; a caller
 * that already holds them (a consumer that has just applied an event) may build them itself.
 *
 * <p>The lists must hold at least every record of the last {@link Conditions#lookbackDays} days before the evaluation
 * instant (more do no harm: each condition applies its own window). Values the contracts do not know (a channel name
 * this build has no constant for) are held as null, i.e. missing, as {@link SetOperator} explains.
 *
 * @param customerId  the customer
 * @param features    the lifetime features of {@code customer_feature_view}
 * @param attributes  the profile attributes ({@link Attributes#NONE} before the first profile snapshot)
 * @param rfmGroups   the group of the customer in each RFM model that scored them, by model id
 * @param assignment  cluster, lifecycle stage and churn risk ({@link Assignment#NONE} when not assigned yet)
 * @param paidOrders  paid orders (at least those of the lookback window)
 * @param refunds     refunds (at least those of the lookback window)
 * @param events      behaviour events (at least those of the lookback window)
 */
public record CustomerFacts(String customerId, Features features, Attributes attributes, Map<String, RfmGroup> rfmGroups,
        Assignment assignment, List<PaidOrder> paidOrders, List<Refund> refunds, List<Event> events) {

    public CustomerFacts {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(features, "features");
        attributes = attributes == null ? Attributes.NONE : attributes;
        rfmGroups = rfmGroups == null ? Map.of() : Map.copyOf(rfmGroups);
        assignment = assignment == null ? Assignment.NONE : assignment;
        paidOrders = paidOrders == null ? List.of() : List.copyOf(paidOrders);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * The columns of {@code customer_feature_view} that conditions read, as the view computes them (so the rounding
     * of averages and shares is the view's).
     *
     * @param firstPaidAt         first paid order, null if none
     * @param lastPaidAt          last paid order, null if none
     * @param paidOrders          paid orders over the lifetime
     * @param netSpend            gross spend minus refunds
     * @param avgOrderValue       gross spend per paid order, null without orders
     * @param discountShare       share of list value paid for by discounts (0 without orders)
     * @param cartAbandonmentRate carts that never reached checkout, as a share of cart adds
     * @param productViews        product views over the lifetime
     * @param favorites           favorites over the lifetime
     * @param cartAdds            add-to-cart events over the lifetime
     * @param checkouts           checkouts over the lifetime
     * @param preferredChannel    the channel with the most events and orders, null if none (or unknown)
     * @param topCategory         the category with the most paid spend, null if none
     */
    public record Features(Instant firstPaidAt, Instant lastPaidAt, int paidOrders, BigDecimal netSpend,
            BigDecimal avgOrderValue, BigDecimal discountShare, BigDecimal cartAbandonmentRate, int productViews,
            int favorites, int cartAdds, int checkouts, Channel preferredChannel, String topCategory) {

        public Features {
            Objects.requireNonNull(netSpend, "netSpend");
            Objects.requireNonNull(discountShare, "discountShare");
            Objects.requireNonNull(cartAbandonmentRate, "cartAbandonmentRate");
        }
    }

    /** Profile attributes from the latest snapshot; every one may be missing (null). */
    public record Attributes(Gender gender, LocalDate birthDate, CityTier cityTier, String region, MemberTier memberTier,
            Channel registrationChannel) {

        /** No snapshot yet. */
        public static final Attributes NONE = new Attributes(null, null, null, null, null, null);
    }

    /** The latest run results for the customer ({@code customer_assignment}); every one may be missing (null). */
    public record Assignment(Integer clusterId, String clusterName, LifecycleStage lifecycleStage, ChurnRisk churnRisk,
            Double churnProbability) {

        /** Not assigned by any run yet. */
        public static final Assignment NONE = new Assignment(null, null, null, null, null);
    }

    /** A paid order ({@code paid_order}). */
    public record PaidOrder(String orderId, Instant paidAt, BigDecimal paidAmount) {
        public PaidOrder {
            Objects.requireNonNull(paidAt, "paidAt");
            Objects.requireNonNull(paidAmount, "paidAmount");
        }
    }

    /** A refund ({@code order_refund}), deducted from spend when it happened. */
    public record Refund(String orderId, Instant refundedAt, BigDecimal amount) {
        public Refund {
            Objects.requireNonNull(refundedAt, "refundedAt");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A behaviour event ({@code behaviour_event}); the category may be missing. */
    public record Event(BehaviourType behaviour, String category, Instant occurredAt) {
        public Event {
            Objects.requireNonNull(behaviour, "behaviour");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
