package io.lodestar.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BudgetAdvisorTest {

    @Test
    void shiftsBudgetFromBelowPortfolioChannelsToThoseAboveInProportionToTheirExcess() {
        // Industry figures: live stream 1:8, community 1:5, SMS 1:1.2; equal spend of 100 each: portfolio ROI 4.73.
        List<BudgetAdvisor.Advice> advice = BudgetAdvisor.advise(List.of(
                totals("live_stream", 100, 800), totals("community", 100, 500), totals("sms", 100, 120)), 0.2);
        BudgetAdvisor.Advice live = advice.get(0);
        BudgetAdvisor.Advice community = advice.get(1);
        BudgetAdvisor.Advice sms = advice.get(2);
        assertThat(sms.action()).isEqualTo("reduce");
        assertThat(sms.recommendedShare()).isEqualTo(0.2667, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(live.action()).isEqualTo("increase");
        assertThat(community.action()).isEqualTo("increase");
        // The freed 6.67 points go 3.27 : 0.27 to live stream and community (excess 3.27 vs 0.27 ROI points).
        assertThat(live.recommendedShare()).isEqualTo(0.3333 + 0.0667 * 3.2667 / 3.5333,
                org.assertj.core.data.Offset.offset(1e-3));
        assertThat(live.recommendedShare() + community.recommendedShare() + sms.recommendedShare())
                .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(live.roi().asText()).isEqualTo("1:8");
        assertThat(sms.roi().asText()).isEqualTo("1:1.2");
    }

    @Test
    void withoutSpendThereIsNothingToShift() {
        List<BudgetAdvisor.Advice> advice = BudgetAdvisor.advise(List.of(totals("sms", 0, 0)), 0.2);
        assertThat(advice.get(0).action()).isEqualTo("no spend yet");
        assertThat(advice.get(0).roi().ratio()).isNull();
    }

    private static ReportRepository.ChannelTotals totals(String channel, int cost, int revenue) {
        return new ReportRepository.ChannelTotals(channel, 1000, BigDecimal.valueOf(cost), BigDecimal.valueOf(revenue));
    }
}
