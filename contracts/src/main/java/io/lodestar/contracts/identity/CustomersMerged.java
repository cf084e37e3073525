package io.lodestar.contracts.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * Two customer ids turned out to be one person (for example a visitor id that logged in), and
 * {@code mergedId} now lives on as {@code survivorId}. Consumers move what they hold for the merged id
 * to the survivor and treat later events for the merged id as the survivor's.
 */
public record CustomersMerged(
        @JsonProperty(required = true) String survivorId,
        @JsonProperty(required = true) String mergedId,
        @JsonProperty(required = true) Instant mergedAt) {

    public CustomersMerged {
        Objects.requireNonNull(survivorId, "survivorId");
        Objects.requireNonNull(mergedId, "mergedId");
        Objects.requireNonNull(mergedAt, "mergedAt");
    }
}
