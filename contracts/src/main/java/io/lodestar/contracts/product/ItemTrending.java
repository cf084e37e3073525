package io.lodestar.contracts.product;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * An item's interest grew unusually fast over a recent window. Not about one customer: the envelope has
 * no {@code customerId}.
 *
 * @param score       the trend score that crossed the threshold (higher is stronger)
 * @param growth      relative growth over the previous window, e.g. {@code 1.5} for +150 %
 * @param windowHours length of the window the growth was measured over
 */
public record ItemTrending(
        @JsonProperty(required = true) String itemId,
        String category,
        @JsonProperty(required = true) double score,
        @JsonProperty(required = true) double growth,
        @JsonProperty(required = true) int windowHours,
        @JsonProperty(required = true) Instant detectedAt) {

    public ItemTrending {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
