package io.lodestar.segmentation.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the scorer needs to know about one customer, already aggregated by the caller for the model's window.
 *
 * @param customerId the caller's customer id; unique within one scoring run
 * @param lastPaidAt when the customer's last paid order was placed, at or before the model's {@code asOf};
 *                   {@code null} when the customer never paid
 * @param paidOrders distinct paid orders inside the model's window (cancellation invoices are refunds, not orders)
 * @param netSpend   paid order lines minus refunds inside the window; may be zero or negative when refunds dominate
 */
public record RfmInput(String customerId, Instant lastPaidAt, int paidOrders, BigDecimal netSpend) {

    public RfmInput {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        if (paidOrders < 0) {
            throw new IllegalArgumentException("paidOrders of customer " + customerId + " must not be negative, was " + paidOrders);
        }
        Objects.requireNonNull(netSpend, () -> "netSpend of customer " + customerId + " must not be null");
        if (lastPaidAt == null && paidOrders > 0) {
            throw new IllegalArgumentException("lastPaidAt of customer " + customerId + " is missing although paidOrders is "
                    + paidOrders);
        }
    }

    /** Whether the customer has ever paid for an order (the window aside). */
    public boolean hasPaid() {
        return lastPaidAt != null;
    }
}
