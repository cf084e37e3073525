package io.lodestar.segmentation.churn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One paid order (a {@code paid_order} row).
 *
 * @param amount the paid amount, not negative; refunds are not subtracted (they are not orders, and a refund after the
 *               cutoff must not change a feature computed before it)
 */
public record PaidOrderEvent(String customerId, Instant paidAt, BigDecimal amount) {

    public PaidOrderEvent {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        Objects.requireNonNull(paidAt, () -> "paidAt of an order of customer " + customerId + " must not be null");
        Objects.requireNonNull(amount, () -> "amount of an order of customer " + customerId + " must not be null");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount of an order of customer " + customerId + " must not be negative, was "
                    + amount);
        }
    }
}
