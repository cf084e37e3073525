package io.lodestar.contracts.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.Channel;
import io.lodestar.contracts.internal.Copies;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer placed an order (not yet paid).
 *
 * @param currency       ISO 4217 code, e.g. {@code CNY}
 * @param totalAmount    amount to pay, after discounts
 * @param discountAmount total discount of the order, lines and coupons together
 * @param campaignId     the campaign the order is attributed to, if any
 */
public record OrderPlaced(
        @JsonProperty(required = true) String orderId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) String currency,
        @JsonProperty(required = true) List<OrderLine> lines,
        @JsonProperty(required = true) BigDecimal totalAmount,
        BigDecimal discountAmount,
        Channel channel,
        String campaignId,
        String couponCode,
        @JsonProperty(required = true) Instant placedAt) {

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        lines = Copies.requiredList(lines, "lines");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
