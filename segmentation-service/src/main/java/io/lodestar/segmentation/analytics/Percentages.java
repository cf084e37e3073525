package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares of counts as percentages, the way the traffic figures report them. */
final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentages() {
    }

    /** {@code part} as a percentage of {@code whole}, 2 decimals; null when the whole is zero. */
    static BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
