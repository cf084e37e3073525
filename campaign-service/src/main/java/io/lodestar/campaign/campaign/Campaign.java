package io.lodestar.campaign.campaign;

import java.time.Instant;

/** A stored campaign: its definition and where it is in its lifecycle. */
public record Campaign(String id, CampaignDefinition definition, CampaignStatus status, String statusReason,
                       Instant nextRunAt, int runsStarted, Instant createdAt, Instant updatedAt, Instant startedAt,
                       Instant finishedAt) {

    public String kind() {
        return definition.isJourney() ? "journey" : "broadcast";
    }
}
