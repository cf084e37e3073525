package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code POST /orders/{orderId}/payment}.
 *
 * @param paidAmount what the customer paid; omitted means the order total, and any other amount is refused
 * @param paidAt     when the payment happened; not before the order was placed
 */
public record RecordPaymentRequest(
        @PositiveOrZero @DecimalMax(OrderTotals.MAX_AMOUNT_TEXT) BigDecimal paidAmount,
        @NotNull Instant paidAt) {
}
