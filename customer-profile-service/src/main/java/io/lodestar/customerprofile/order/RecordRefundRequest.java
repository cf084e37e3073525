package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /orders/{orderId}/refunds}.
 *
 * @param refundId the caller's idempotency key, unique per order
 * @param amount   money going back by this refund (not cumulative)
 * @param lines    the refunded items, for a per-item refund; omitted for a lump sum
 */
public record RecordRefundRequest(
        @NotBlank @Size(max = 100) String refundId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(OrderTotals.MAX_AMOUNT_TEXT) BigDecimal amount,
        @Size(max = PlaceOrderRequest.MAX_LINES) List<@NotNull @Valid Line> lines,
        @Size(max = 500) String reason,
        @NotNull Instant refundedAt) {

    /** One refunded item of the order. */
    public record Line(@NotBlank @Size(max = 100) String itemId, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    /** The request as it is stored, so that a repeated refund compares equal to the one it recorded. */
    public RecordRefundRequest normalised() {
        return new RecordRefundRequest(refundId, OrderTotals.money(amount), lines == null ? List.of() : lines, reason,
                refundedAt.truncatedTo(ChronoUnit.MICROS));
    }
}
