package io.lodestar.contracts.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's personal data must be deleted (right to erasure). Every consumer deletes or anonymises
 * what it holds for {@code customerId}.
 *
 * @param reason why, e.g. {@code customer-request}; never personal data
 */
public record CustomerErased(
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) Instant erasedAt,
        String reason) {

    public CustomerErased {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
