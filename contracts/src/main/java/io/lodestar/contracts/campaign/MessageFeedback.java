package io.lodestar.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.MessageChannel;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel gateway reports what happened to a dispatched message. One type with a {@link FeedbackKind},
 * unlike the order events, because all five kinds share one shape and are counted together (funnels,
 * channel ROI).
 *
 * @param messageId the {@link MessageDispatched#messageId()} this is about
 * @param at        when the gateway observed it
 * @param detail    gateway detail, e.g. a bounce reason or the clicked link
 */
public record MessageFeedback(
        @JsonProperty(required = true) String messageId,
        @JsonProperty(required = true) String campaignId,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) MessageChannel channel,
        @JsonProperty(required = true) FeedbackKind kind,
        @JsonProperty(required = true) Instant at,
        String detail) {

    public MessageFeedback {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
