package io.lodestar.customerprofile.order;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /orders/{orderId}/cancellation}: only a placed (unpaid) order can be cancelled. */
public record CancelOrderRequest(@Size(max = 500) String reason, @NotNull Instant cancelledAt) {
}
