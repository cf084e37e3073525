package io.lodestar.campaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the next budget should go: channels whose ROI is below the portfolio's give up a share of their spend
 * ({@code shift}, e.g. 20 %), which goes to the channels above it in proportion to how far above they are. A channel
 * with no spend yet keeps its share (there is nothing to learn from). Pure arithmetic on the channel totals.
 */
public final class BudgetAdvisor {

    /** One channel's spend, ROI and the recommended share of the next budget. */
    public record Advice(String channel, BigDecimal cost, BigDecimal revenue, Roi roi, double currentShare,
                         double recommendedShare, String action) {
    }

    private BudgetAdvisor() {
    }

    public static List<Advice> advise(List<ReportRepository.ChannelTotals> channels, double shift) {
        BigDecimal totalCost = channels.stream().map(ReportRepository.ChannelTotals::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalRevenue = channels.stream().map(ReportRepository.ChannelTotals::revenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Advice> advice = new ArrayList<>();
        if (totalCost.signum() == 0) {
            channels.forEach(c -> advice.add(new Advice(c.channel(), c.cost(), c.revenue(), Roi.of(c.revenue(), c.cost()),
                    0, 0, "no spend yet")));
            return advice;
        }
        double portfolio = totalRevenue.divide(totalCost, 6, RoundingMode.HALF_UP).doubleValue();
        double freed = 0;
        double excess = 0;
        int n = channels.size();
        double[] share = new double[n];
        double[] roi = new double[n];
        for (int i = 0; i < n; i++) {
            ReportRepository.ChannelTotals c = channels.get(i);
            share[i] = c.cost().divide(totalCost, 6, RoundingMode.HALF_UP).doubleValue();
            roi[i] = c.cost().signum() == 0 ? portfolio
                    : c.revenue().divide(c.cost(), 6, RoundingMode.HALF_UP).doubleValue();
            if (roi[i] < portfolio) {
                freed += share[i] * shift;
            } else if (roi[i] > portfolio) {
                excess += (roi[i] - portfolio) * share[i];
            }
        }
        for (int i = 0; i < n; i++) {
            ReportRepository.ChannelTotals c = channels.get(i);
            double recommended = share[i];
            String action = "keep";
            if (roi[i] < portfolio) {
                recommended = share[i] * (1 - shift);
                action = "reduce";
            } else if (roi[i] > portfolio && excess > 0) {
                recommended = share[i] + freed * (roi[i] - portfolio) * share[i] / excess;
                action = "increase";
            }
            advice.add(new Advice(c.channel(), c.cost(), c.revenue(), Roi.of(c.revenue(), c.cost()),
                    round(share[i]), round(recommended), action));
        }
        return advice;
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }
}
