package io.lodestar.contracts.behaviour;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.lodestar.contracts.Channel;
import io.lodestar.contracts.internal.Copies;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A customer or an anonymous visitor did something on a touchpoint.
 *
 * @param customerId       the customer, or for an anonymous visitor the visitor id that a later
 *                         {@code identity.merged} folds into a customer
 * @param anonymous        true when {@code customerId} is a visitor id, not a registered customer;
 *                         absent or null on the wire means false
 * @param itemId           the item the behaviour is about; expected when {@link BehaviourType#requiresItem()}
 * @param searchQuery      the query text, for {@code search}
 * @param campaignId       the campaign that led here, for attribution
 * @param recommendationId the recommendation list that was shown or clicked, for attribution
 * @param occurredAt       when the customer did it, as reported by the touchpoint
 * @param properties       free-form touchpoint details that code does not branch on
 */
public record BehaviourRecorded(
        @JsonProperty(required = true) String customerId,
        // Optional: absent or null means false. Without this, FAIL_ON_NULL_FOR_PRIMITIVES would reject an
        // event that leaves the flag out.
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean anonymous,
        @JsonProperty(required = true) BehaviourType behaviour,
        @JsonProperty(required = true) Channel channel,
        String itemId,
        String category,
        String searchQuery,
        String sessionId,
        String campaignId,
        String recommendationId,
        @JsonProperty(required = true) Instant occurredAt,
        Map<String, String> properties) {

    public BehaviourRecorded {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
        properties = Copies.optionalMap(properties);
    }
}
