package io.lodestar.campaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Return on a channel's or campaign's spend, as marketing teams write it: revenue : cost, e.g. "1:8" for live
 * streams. The ratio is null (and the text "n/a") when nothing was spent.
 */
public record Roi(BigDecimal revenue, BigDecimal cost, Double ratio, String asText) {

    public static Roi of(BigDecimal revenue, BigDecimal cost) {
        if (cost == null || cost.signum() == 0) {
            return new Roi(revenue, cost == null ? BigDecimal.ZERO : cost, null, "n/a");
        }
        BigDecimal ratio = revenue.divide(cost, 2, RoundingMode.HALF_UP);
        return new Roi(revenue, cost, ratio.doubleValue(), "1:" + ratio.stripTrailingZeros().toPlainString());
    }
}
