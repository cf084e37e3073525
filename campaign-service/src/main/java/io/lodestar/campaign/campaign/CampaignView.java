package io.lodestar.campaign.campaign;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the API shows it: its definition and lifecycle. */
public record CampaignView(
        String id,
        @Schema(description = "broadcast or journey") String kind,
        CampaignStatus status,
        @Schema(description = "Why the campaign is paused, e.g. segmentation-service unreachable")
        String statusReason,
        @Schema(description = "When the next broadcast run starts") Instant nextRunAt,
        int runsStarted,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        CampaignDefinition definition) {

    public static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id(), campaign.kind(), campaign.status(), campaign.statusReason(),
                campaign.nextRunAt(), campaign.runsStarted(), campaign.createdAt(), campaign.updatedAt(),
                campaign.startedAt(), campaign.finishedAt(), campaign.definition());
    }
}
