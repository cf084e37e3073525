package io.lodestar.segmentation.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures in alert messages: at most four decimals, no trailing zeros ({@code 10}, {@code 0.0833}). */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
