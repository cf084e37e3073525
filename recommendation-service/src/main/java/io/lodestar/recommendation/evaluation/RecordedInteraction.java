package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.Objects;

import io.lodestar.recommendation.interaction.InteractionKind;

/**
 * One stored interaction as an evaluation reads it: what the {@code interaction} table holds, before weighting. The
 * evaluation needs the instant of every interaction (a time split cuts through one customer's history) and the order of
 * every purchase (association rules learn from the training orders' baskets), which the training snapshot has already
 * folded away.
 *
 * @param customerId who
 * @param itemId     which item
 * @param kind       what they did
 * @param quantity   units, for orders and refunds (at least 1)
 * @param orderId    the order of a purchase or refund, else {@code null}
 * @param at         when
 */
public record RecordedInteraction(String customerId, String itemId, InteractionKind kind, int quantity,
        String orderId, Instant at) {

    public RecordedInteraction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
