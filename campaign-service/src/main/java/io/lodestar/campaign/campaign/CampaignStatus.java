package io.lodestar.campaign.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A campaign's lifecycle: draft → scheduled → running ⇄ paused → completed, and cancelled from anywhere before the
 * end. Any other move is a conflict (409): a completed campaign is never restarted, a draft never pauses.
 */
public enum CampaignStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("scheduled") SCHEDULED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("paused") PAUSED,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("cancelled") CANCELLED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SCHEDULED, CANCELLED),
            // back to draft: unscheduled for editing
            SCHEDULED, EnumSet.of(DRAFT, RUNNING, CANCELLED),
            RUNNING, EnumSet.of(PAUSED, COMPLETED, CANCELLED),
            PAUSED, EnumSet.of(RUNNING, COMPLETED, CANCELLED),
            COMPLETED, EnumSet.noneOf(CampaignStatus.class),
            CANCELLED, EnumSet.noneOf(CampaignStatus.class));

    public boolean canMoveTo(CampaignStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CampaignStatus ofWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
