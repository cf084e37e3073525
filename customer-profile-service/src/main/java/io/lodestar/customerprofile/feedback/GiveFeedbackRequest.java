package io.lodestar.customerprofile.feedback;

import java.time.Instant;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.CustomerFeedbackKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param feedbackId optional idempotency key (a UUID); a repeated one records nothing new
 * @param score      0–10 for nps, 1–5 for csat, optional 1–5 severity for a complaint
 * @param givenAt    default: now
 */
public record GiveFeedbackRequest(UUID feedbackId, @NotNull CustomerFeedbackKind kind, @Min(0) @Max(10) Integer score,
        @Size(max = 64) String category, @Size(max = 2000) String comment, Channel channel,
        @Size(max = 64) String orderId, Instant givenAt) {
}
