package io.lodestar.campaign.campaign;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored campaign: its definition, where it is in its lifecycle, and what it has spent against its budgets.
 *
 * @param spent              cost of the messages dispatched or held so far
 * @param couponsIssuedValue face value of the coupons issued so far
 */
public record Campaign(String id, CampaignDefinition definition, CampaignStatus status, String statusReason,
                       Instant nextRunAt, int runsStarted, Instant createdAt, Instant updatedAt, Instant startedAt,
                       Instant finishedAt, BigDecimal spent, BigDecimal couponsIssuedValue) {

    public String kind() {
        return definition.isJourney() ? "journey" : "broadcast";
    }
}
