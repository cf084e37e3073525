package io.lodestar.contracts.order;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/** A placed order was cancelled before it was paid; a paid order is refunded instead ({@link OrderRefunded}). */
public record OrderCancelled(
        @JsonProperty(required = true) String orderId,
        @JsonProperty(required = true) String customerId,
        String reason,
        @JsonProperty(required = true) Instant cancelledAt) {

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}
