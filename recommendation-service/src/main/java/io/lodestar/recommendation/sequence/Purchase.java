package io.lodestar.recommendation.sequence;

import java.time.Instant;
import java.util.Objects;

/**
 * One item a customer bought, and when.
 *
 * @param item index in the training run's item dictionary
 * @param at   when it was bought (the order's time)
 */
public record Purchase(int item, Instant at) {

    public Purchase {
        if (item < 0) {
            throw new IllegalArgumentException("item index must be >= 0, was " + item);
        }
        Objects.requireNonNull(at, "at");
    }
}
