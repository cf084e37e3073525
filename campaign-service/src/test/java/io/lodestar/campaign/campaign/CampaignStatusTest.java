package io.lodestar.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignStatusTest {

    @Test
    void followsTheLifecycle() {
        assertThat(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.SCHEDULED)).isTrue();
        assertThat(CampaignStatus.SCHEDULED.canMoveTo(CampaignStatus.RUNNING)).isTrue();
        assertThat(CampaignStatus.RUNNING.canMoveTo(CampaignStatus.PAUSED)).isTrue();
        assertThat(CampaignStatus.PAUSED.canMoveTo(CampaignStatus.RUNNING)).isTrue();
        assertThat(CampaignStatus.PAUSED.canMoveTo(CampaignStatus.COMPLETED)).isTrue();
        assertThat(CampaignStatus.RUNNING.canMoveTo(CampaignStatus.CANCELLED)).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        assertThat(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.RUNNING)).isFalse();
        assertThat(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.PAUSED)).isFalse();
        assertThat(CampaignStatus.SCHEDULED.canMoveTo(CampaignStatus.PAUSED)).isFalse();
        for (CampaignStatus next : CampaignStatus.values()) {
            assertThat(CampaignStatus.COMPLETED.canMoveTo(next)).as("completed → %s", next).isFalse();
            assertThat(CampaignStatus.CANCELLED.canMoveTo(next)).as("cancelled → %s", next).isFalse();
        }
    }
}
