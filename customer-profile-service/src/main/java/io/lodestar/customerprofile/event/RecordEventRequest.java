package io.lodestar.customerprofile.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.customerprofile.identity.IdentityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One behaviour event of a {@code POST /events} batch. Exactly one of {@code customerId} and {@code identity}
 * says who did it; an identity nobody has linked yet is kept under an anonymous visitor id.
 *
 * @param eventId the caller's idempotency key: sending the same event again changes nothing
 */
public record RecordEventRequest(
        @NotNull UUID eventId,
        @Size(min = 1, max = 64) String customerId,
        @Valid IdentityRef identity,
        @NotNull BehaviourType type,
        @NotNull Channel channel,
        @Size(max = 64) String itemId,
        @Size(max = 100) String category,
        @Size(max = 200) String searchQuery,
        @Size(max = 64) String sessionId,
        @Size(max = 64) String campaignId,
        @Size(max = 64) String recommendationId,
        @NotNull Instant occurredAt,
        @Size(max = 50) Map<String, @Size(max = 500) String> properties) {

    /** An external id (the same types as identity linking), given in clear; phones and e-mails are hashed at once. */
    public record IdentityRef(@NotNull IdentityType type, @NotBlank @Size(max = 256) String value) {
    }
}
