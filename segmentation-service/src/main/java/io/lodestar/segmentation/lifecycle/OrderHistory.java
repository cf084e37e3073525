package io.lodestar.segmentation.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's paid orders as the lifecycle rules need them: every paid order time, so that the latest return after a
 * long gap is known even when the customer has ordered again since, and the value of the first order.
 *
 * <p>The times are kept in ascending order (the constructor sorts a copy). The classifier rejects a history with an
 * order after its {@code asOf}; {@link #asOf(String, List, Instant)} builds one that leaves those out.
 *
 * @param customerId      the caller's customer id; unique within one classification run
 * @param paidAt          the paid order times; empty for a customer who never paid
 * @param firstOrderValue the paid amount of the earliest order; {@code null} exactly when there is none, never negative
 */
public record OrderHistory(String customerId, List<Instant> paidAt, BigDecimal firstOrderValue) {

    public OrderHistory {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        Objects.requireNonNull(paidAt, () -> "paidAt of customer " + customerId + " must not be null (empty: never paid)");
        List<Instant> sorted = new ArrayList<>(paidAt.size());
        for (Instant time : paidAt) {
            sorted.add(Objects.requireNonNull(time, () -> "paidAt of customer " + customerId + " contains null"));
        }
        sorted.sort(Comparator.naturalOrder());
        paidAt = List.copyOf(sorted);
        if (paidAt.isEmpty() != (firstOrderValue == null)) {
            throw new IllegalArgumentException("firstOrderValue of customer " + customerId
                    + (paidAt.isEmpty() ? " must be null without a paid order" : " is missing although it has paid orders"));
        }
        if (firstOrderValue != null && firstOrderValue.signum() < 0) {
            throw new IllegalArgumentException("firstOrderValue of customer " + customerId + " must not be negative, was "
                    + firstOrderValue);
        }
    }

    /** A customer without a paid order: a {@link LifecycleStage#PROSPECT prospect}. */
    public static OrderHistory neverPaid(String customerId) {
        return new OrderHistory(customerId, List.of(), null);
    }

    /**
     * The history as of {@code asOf} from the customer's paid orders in any order: orders after {@code asOf} are left
     * out, and the first order value is the amount of the earliest remaining order (the first listed among equal times).
     */
    public static OrderHistory asOf(String customerId, List<PaidOrder> orders, Instant asOf) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(asOf, "asOf");
        List<Instant> times = new ArrayList<>(orders.size());
        PaidOrder first = null;
        for (PaidOrder order : orders) {
            Objects.requireNonNull(order, () -> "orders of customer " + customerId + " contain null");
            if (order.paidAt().isAfter(asOf)) {
                continue;
            }
            times.add(order.paidAt());
            if (first == null || order.paidAt().isBefore(first.paidAt())) {
                first = order;
            }
        }
        return new OrderHistory(customerId, times, first == null ? null : first.amount());
    }

    /** Number of paid orders. */
    public int paidOrders() {
        return paidAt.size();
    }

    public boolean hasPaid() {
        return !paidAt.isEmpty();
    }

    public Optional<Instant> firstPaidAt() {
        return hasPaid() ? Optional.of(paidAt.get(0)) : Optional.empty();
    }

    public Optional<Instant> lastPaidAt() {
        return hasPaid() ? Optional.of(paidAt.get(paidAt.size() - 1)) : Optional.empty();
    }

    /**
     * One paid order: when it was paid and the amount paid.
     *
     * @param amount paid amount, not negative (refunds are not orders)
     */
    public record PaidOrder(Instant paidAt, BigDecimal amount) {
        public PaidOrder {
            Objects.requireNonNull(paidAt, "paidAt");
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("amount must not be negative, was " + amount);
            }
        }
    }
}
