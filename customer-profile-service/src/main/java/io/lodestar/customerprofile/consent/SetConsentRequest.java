package io.lodestar.customerprofile.consent;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A consent decision for one channel.
 *
 * @param at when the customer decided (default: now); an older decision than the stored one does not override it
 */
public record SetConsentRequest(@NotNull Boolean granted, @Size(min = 1, max = 64) String purpose,
        @Size(max = 128) String source, Instant at) {
}
