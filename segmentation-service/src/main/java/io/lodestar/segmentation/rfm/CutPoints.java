package io.lodestar.segmentation.rfm;

import java.math.BigDecimal;

/** The checks every set of threshold cut points shares, each failure naming the setting it is about. */
final class CutPoints {

    private CutPoints() {
    }

    static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new InvalidRfmModelException(field, "must be positive, was " + value);
        }
    }

    static BigDecimal requirePositive(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidRfmModelException(field, "must be given");
        }
        if (value.signum() <= 0) {
            throw new InvalidRfmModelException(field, "must be positive, was " + value.toPlainString());
        }
        return value;
    }

    static void requireAbove(String field, long value, String lowerField, long lower) {
        if (value <= lower) {
            throw new InvalidRfmModelException(field,
                    "must be greater than " + lowerField + " (" + lower + "), was " + value);
        }
    }

    static void requireAbove(String field, BigDecimal value, String lowerField, BigDecimal lower) {
        if (value.compareTo(lower) <= 0) {
            throw new InvalidRfmModelException(field, "must be greater than " + lowerField + " (" + lower.toPlainString()
                    + "), was " + value.toPlainString());
        }
    }
}
