package io.lodestar.contracts.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.MessageChannel;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's consent to be contacted through one message channel. Consent is per channel, with the
 * time and source, so that a campaign can prove it was allowed to send.
 *
 * @param source where the consent was given or withdrawn, e.g. {@code register-form}, {@code unsubscribe-link}
 * @param purpose what the customer agreed to be contacted for, e.g. {@code marketing}
 */
public record Consent(
        @JsonProperty(required = true) MessageChannel channel,
        @JsonProperty(required = true) boolean granted,
        @JsonProperty(required = true) Instant updatedAt,
        String source,
        String purpose) {

    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
