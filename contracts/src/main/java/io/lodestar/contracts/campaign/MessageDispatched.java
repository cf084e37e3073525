package io.lodestar.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.internal.Copies;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A campaign hands one rendered message to a channel gateway to send. The campaign service has already
 * checked consent and the send window; the gateway only delivers.
 *
 * @param messageId          id that the gateway's {@link MessageFeedback} refers back to
 * @param journeyId          the journey that produced the message, if any
 * @param variant            A/B test variant, if any
 * @param content            the rendered message text
 * @param recommendedItemIds items recommended in the message, for click attribution
 * @param sendAt             when to send, already moved into the customer's send window
 */
public record MessageDispatched(
        @JsonProperty(required = true) String messageId,
        @JsonProperty(required = true) String campaignId,
        String journeyId,
        String variant,
        @JsonProperty(required = true) MessageChannel channel,
        @JsonProperty(required = true) String customerId,
        String templateId,
        @JsonProperty(required = true) String content,
        String couponCode,
        List<String> recommendedItemIds,
        @JsonProperty(required = true) Instant sendAt) {

    public MessageDispatched {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(content, "content");
        recommendedItemIds = Copies.optionalList(recommendedItemIds, "recommendedItemIds");
        Objects.requireNonNull(sendAt, "sendAt");
    }
}
