package io.lodestar.customerprofile.erasure;

import java.time.Instant;
import java.util.List;

import io.lodestar.customerprofile.consent.ConsentView;
import io.lodestar.customerprofile.customer.CustomerView;
import io.lodestar.customerprofile.feedback.FeedbackView;
import io.lodestar.customerprofile.identity.IdentityView;
import io.lodestar.customerprofile.order.OrderView;

/**
 * Everything held about one customer (data portability). Phone numbers and e-mails appear as the hash prefixes
 * they are stored as: the clear values were never kept.
 *
 * @param events the most recent {@value ExportService#MAX_EVENTS} behaviour events, newest first
 */
public record CustomerExport(Instant exportedAt, CustomerView profile, List<IdentityView> identities,
        List<ConsentView> consents, List<OrderView> orders, List<FeedbackView> feedback, List<ExportedEvent> events) {

    public record ExportedEvent(String eventId, String behaviour, String channel, String itemId, String category,
            String campaignId, String recommendationId, Instant occurredAt) {
    }
}
