package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * One interaction as the event history records it, before it is split into training and test.
 *
 * @param customerId who
 * @param itemId     which item
 * @param weight     confidence weight, as in {@link io.lodestar.recommendation.model.InteractionMatrix} (positive =
 *                   interest, negative = refund or "not interested")
 * @param at         when it happened
 */
public record TimedInteraction(String customerId, String itemId, float weight, Instant at) {

    public TimedInteraction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(at, "at");
        if (!Float.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite");
        }
    }
}
