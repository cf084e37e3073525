package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.lodestar.contracts.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /orders}. The orderId is the caller's idempotency key: the same request again answers the existing
 * order. The limits are mirrored by the CHECKs of V3__orders.sql.
 *
 * @param discountAmount order-level discount (coupon, promotion), on top of the line discounts
 * @param placedAt       when the customer placed the order; at most a few minutes ahead of this service's clock
 */
public record PlaceOrderRequest(
        @NotBlank @Size(max = 100) String orderId,
        @NotBlank @Size(max = 100) String customerId,
        @NotNull @Size(min = 1, max = MAX_LINES) List<@NotNull @Valid Line> lines,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @PositiveOrZero @DecimalMax(OrderTotals.MAX_AMOUNT_TEXT) BigDecimal discountAmount,
        @Size(max = 100) String couponCode,
        Channel channel,
        @Size(max = 100) String campaignId,
        @NotNull Instant placedAt) {

    /** The most lines of one order: wholesale orders are long (the largest Online Retail invoice has 1,114). */
    public static final int MAX_LINES = 2000;

    /**
     * One line of the order.
     *
     * @param discount discount on the whole line (not per unit)
     */
    public record Line(
            @NotBlank @Size(max = 100) String itemId,
            @NotBlank @Size(max = 100) String category,
            @Size(max = 200) String title,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @NotNull @PositiveOrZero @DecimalMax(OrderTotals.MAX_AMOUNT_TEXT) BigDecimal unitPrice,
            @PositiveOrZero @DecimalMax(OrderTotals.MAX_AMOUNT_TEXT) BigDecimal discount) {
    }

    /**
     * The request as it is stored (amounts to 2 decimals, omitted discounts as 0.00, the time to microseconds), so
     * that a repeated request compares equal to the order it created.
     */
    public PlaceOrderRequest normalised() {
        List<Line> normalisedLines = lines.stream()
                .map(l -> new Line(l.itemId(), l.category(), l.title(), l.quantity(),
                        OrderTotals.money(l.unitPrice()), OrderTotals.money(l.discount())))
                .toList();
        return new PlaceOrderRequest(orderId, customerId, normalisedLines, currency,
                OrderTotals.money(discountAmount), couponCode, channel, campaignId,
                placedAt.truncatedTo(ChronoUnit.MICROS));
    }
}
