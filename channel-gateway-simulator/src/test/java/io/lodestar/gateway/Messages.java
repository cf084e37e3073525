package io.lodestar.gateway;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.campaign.MessageDispatched;

/** Dispatched messages for tests, differing only in what a test is about. */
final class Messages {

    static final Instant SEND_AT = Instant.parse("2024-06-01T09:00:00Z");

    private Messages() {
    }

    static MessageDispatched message(String messageId, MessageChannel channel) {
        return message(messageId, channel, "cust-" + messageId, SEND_AT, List.of("sku-1", "sku-2", "sku-3"));
    }

    static MessageDispatched message(String messageId, MessageChannel channel, String customerId, Instant sendAt,
            List<String> recommendedItemIds) {
        return new MessageDispatched(messageId, "camp-summer", "journey-1", "A", channel, customerId, "tpl-1",
                "Summer sale: 20% off for you", "SUMMER20", recommendedItemIds, sendAt);
    }
}
