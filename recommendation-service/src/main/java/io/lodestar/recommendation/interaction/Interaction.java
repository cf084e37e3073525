package io.lodestar.recommendation.interaction;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored interaction (a row of {@code interaction}).
 *
 * @param eventId the source event's id (with the item, the natural key: an order has one row per distinct item)
 */
public record Interaction(UUID eventId, String customerId, String itemId, InteractionKind kind, int quantity,
                          String channel, String orderId, Instant occurredAt) {
}
