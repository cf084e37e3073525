package io.lodestar.campaign.dispatch;

import java.util.List;
import java.util.UUID;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.contracts.MessageChannel;

/**
 * One message a campaign wants to send a customer, before consent, caps and the send window have had their say.
 *
 * @param stepKey  the campaign step it belongs to ({@code run-3} for the third broadcast run, a journey step with its
 *                 instance); with campaign and customer it makes the idempotency key
 * @param group    the customer's experiment group (variant)
 * @param channels the channels to try, in preference order
 */
public record Delivery(Campaign campaign, UUID runId, UUID journeyInstanceId, String stepKey, String stepId,
                       String customerId, String group, String template, List<MessageChannel> channels,
                       boolean withOffer) {

    public String idempotencyKey() {
        return campaign.id() + ":" + stepKey + ":" + customerId;
    }

    /** The message id follows from the idempotency key, so a retried decision names the same message. */
    public UUID messageId() {
        return UUID.nameUUIDFromBytes(idempotencyKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
