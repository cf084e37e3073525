package io.lodestar.campaign.contact;

import java.time.Instant;
import java.util.Set;

import io.lodestar.contracts.MessageChannel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What campaign-service knows of a customer's reachability: why a message went (or did not go) out. */
public record ContactView(
        String customerId,
        @Schema(description = "Send windows and caps are computed in this zone") String timeZone,
        @Schema(description = "Channels the customer consented to (an unsubscribe withdraws one)")
        Set<MessageChannel> consentedChannels,
        int paidOrders,
        Instant lastPaidAt) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.customerId(), contact.zone().getId(), contact.consented(),
                contact.paidOrders(), contact.lastPaidAt());
    }
}
