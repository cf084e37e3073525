package io.lodestar.contracts.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.Channel;
import io.lodestar.contracts.internal.Copies;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer paid an order. Self-contained (it repeats the lines and attribution of the placed order), so
 * that RFM, recommendation and campaign consumers need not join it with {@link OrderPlaced}: a paid
 * order is what they count.
 *
 * @param currency   ISO 4217 code, e.g. {@code CNY}
 * @param paidAmount amount actually paid, after discounts
 */
public record OrderPaid(
        @JsonProperty(required = true) String orderId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) String currency,
        @JsonProperty(required = true) List<OrderLine> lines,
        @JsonProperty(required = true) BigDecimal paidAmount,
        BigDecimal discountAmount,
        Channel channel,
        String campaignId,
        String couponCode,
        @JsonProperty(required = true) Instant paidAt) {

    public OrderPaid {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        lines = Copies.requiredList(lines, "lines");
        Objects.requireNonNull(paidAmount, "paidAmount");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
