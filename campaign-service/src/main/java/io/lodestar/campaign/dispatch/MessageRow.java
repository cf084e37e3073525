package io.lodestar.campaign.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lodestar.contracts.MessageChannel;

/** A decided message as {@code message} stores it. */
public record MessageRow(UUID messageId, String idempotencyKey, String campaignId, UUID runId,
                         UUID journeyInstanceId, String stepId, String customerId, String group,
                         MessageChannel channel, MessageStatus status, String skipReason, String template,
                         boolean withOffer, String content, String couponCode, List<String> recommendedItemIds,
                         boolean recommendationsFallback, BigDecimal cost, Instant createdAt, Instant releaseAt,
                         Instant dispatchedAt) {
}
