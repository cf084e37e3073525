package io.lodestar.contracts.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.internal.Copies;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Money of a paid order went back to the customer, in part or in full. Monetary value (RFM) is paid
 * amounts minus refunds.
 *
 * @param refundAmount amount refunded by this event (not cumulative)
 * @param lines        the refunded lines, when the refund is per item; empty for a lump-sum refund
 */
public record OrderRefunded(
        @JsonProperty(required = true) String orderId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) String currency,
        @JsonProperty(required = true) BigDecimal refundAmount,
        List<OrderLine> lines,
        String reason,
        @JsonProperty(required = true) Instant refundedAt) {

    public OrderRefunded {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(refundAmount, "refundAmount");
        lines = Copies.optionalList(lines, "lines");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}
