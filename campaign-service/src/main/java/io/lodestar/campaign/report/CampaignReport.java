package io.lodestar.campaign.report;

import java.math.BigDecimal;
import java.util.List;

import io.lodestar.campaign.campaign.CampaignStatus;

/** {@code GET /campaigns/{id}/report}: the funnel, revenue, cost and ROI of a campaign, overall and broken down. */
public record CampaignReport(String campaignId, String name, CampaignStatus status, Funnel funnel, Roi roi,
                             List<GroupLine> byVariant, List<ChannelLine> byChannel, Coupons coupons,
                             Skips skips) {

    /** One experiment group (variant, control, holdout). */
    public record GroupLine(String group, Funnel funnel, Roi roi) {
    }

    /** One channel. */
    public record ChannelLine(String channel, Funnel funnel, Roi roi) {
    }

    /** Coupons issued by the campaign and redeemed by paid orders. */
    public record Coupons(long issued, long redeemed, Double redemptionRate, BigDecimal faceValueIssued,
                          BigDecimal discountRedeemed) {
    }

    /** Messages not sent, and why (no consent, capped, budget...), and those still held for quiet hours. */
    public record Skips(long held, long withdrawn, java.util.Map<String, Long> skippedByReason) {
    }
}
