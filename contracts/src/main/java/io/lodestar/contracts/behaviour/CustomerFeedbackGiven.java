package io.lodestar.contracts.behaviour;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.contracts.Channel;

/**
 * A customer gave feedback. The free-text comment stays in customer-profile-service (personal data); the event
 * carries what segmentation and campaigns act on.
 *
 * @param score    0–10 for {@code nps}, 1–5 for {@code csat}, absent for a complaint
 * @param category what a complaint is about, e.g. {@code delivery}, {@code quality}
 * @param orderId  the order the feedback is about, if any
 */
public record CustomerFeedbackGiven(
        @JsonProperty(required = true) String feedbackId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) CustomerFeedbackKind kind,
        Integer score,
        String category,
        Channel channel,
        String orderId,
        @JsonProperty(required = true) Instant givenAt) {

    public CustomerFeedbackGiven {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(givenAt, "givenAt");
    }
}
