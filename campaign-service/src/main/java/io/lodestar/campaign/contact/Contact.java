package io.lodestar.campaign.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.customer.MemberTier;

/**
 * What a campaign knows of a customer when it decides about a message: where they are in time, how to greet them,
 * which channels they consented to, and their purchase rhythm (for journeys).
 */
public record Contact(String customerId, ZoneId zone, String displayName, MemberTier memberTier,
                      Set<MessageChannel> consented, int paidOrders, Instant lastPaidAt) {

    /** A customer campaign-service has no profile for: no consent, so nothing is sent to them. */
    public static Contact unknown(String customerId) {
        return new Contact(customerId, ZoneId.of("UTC"), null, null, EnumSet.noneOf(MessageChannel.class), 0, null);
    }
}
