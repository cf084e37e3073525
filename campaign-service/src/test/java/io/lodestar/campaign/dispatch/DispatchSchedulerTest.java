package io.lodestar.campaign.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignStatus;
import io.lodestar.contracts.MessageChannel;
import org.junit.jupiter.api.Test;

/** When a broadcast's next run is due: only recurring schedules have one, never in the past, never after the end. */
class DispatchSchedulerTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aRecurringScheduleRunsEveryPeriodUntilItsEnd() {
        Campaign weekly = campaign(new CampaignDefinition.Schedule(CampaignDefinition.ScheduleType.RECURRING, FIRST,
                Duration.ofDays(7), FIRST.plus(Duration.ofDays(15))), FIRST);
        assertThat(DispatchScheduler.nextRun(weekly, FIRST)).isEqualTo(FIRST.plus(Duration.ofDays(7)));
        Campaign second = campaign(weekly.definition().schedule(), FIRST.plus(Duration.ofDays(7)));
        assertThat(DispatchScheduler.nextRun(second, FIRST.plus(Duration.ofDays(7))))
                .isEqualTo(FIRST.plus(Duration.ofDays(14)));
        Campaign third = campaign(weekly.definition().schedule(), FIRST.plus(Duration.ofDays(14)));
        assertThat(DispatchScheduler.nextRun(third, FIRST.plus(Duration.ofDays(14)))).as("day 21 is after the end")
                .isNull();
    }

    @Test
    void runsMissedWhileTheServiceWasDownAreNotReplayedOneByOne() {
        Campaign daily = campaign(new CampaignDefinition.Schedule(CampaignDefinition.ScheduleType.RECURRING, FIRST,
                Duration.ofDays(1), null), FIRST);
        Instant threeDaysLate = FIRST.plus(Duration.ofDays(3)).plusSeconds(60);
        assertThat(DispatchScheduler.nextRun(daily, threeDaysLate)).isEqualTo(FIRST.plus(Duration.ofDays(4)));
    }

    @Test
    void oneOffSchedulesHaveNoNextRun() {
        assertThat(DispatchScheduler.nextRun(campaign(new CampaignDefinition.Schedule(
                CampaignDefinition.ScheduleType.NOW, null, null, null), FIRST), FIRST)).isNull();
        assertThat(DispatchScheduler.nextRun(campaign(new CampaignDefinition.Schedule(
                CampaignDefinition.ScheduleType.AT, FIRST, null, null), FIRST), FIRST)).isNull();
    }

    private static Campaign campaign(CampaignDefinition.Schedule schedule, Instant nextRunAt) {
        CampaignDefinition definition = new CampaignDefinition("Weekly picks", "li", null,
                new CampaignDefinition.Audience(List.of("s"), null, null),
                List.of(new CampaignDefinition.ChannelCost(MessageChannel.APP_PUSH, BigDecimal.ONE)), "Hi", null, null,
                null, null, schedule, null, false, null, null);
        return new Campaign("c", definition, CampaignStatus.RUNNING, null, nextRunAt, 1, FIRST, FIRST, FIRST, null,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
