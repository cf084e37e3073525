package io.lodestar.segmentation.clustering;

/**
 * How a raw feature value is reshaped before standardisation. Money and counts are heavy-tailed (a few customers spend
 * or browse a hundred times the median), so left as they are they would dominate squared distances and give one cluster
 * of outliers plus one of everybody else; a logarithm brings them to a scale where "twice as much" is a constant step.
 * Rates and shares are already bounded in [0, 1] and stay as they are.
 */
public enum Transform {

    /** The value as it is (rates and shares). */
    NONE {
        @Override
        public double apply(double value) {
            return value;
        }

        @Override
        public double invert(double transformed) {
            return transformed;
        }
    },

    /**
     * {@code sign(x)·log1p(|x|)}: log1p for the usual non-negative money and counts, extended symmetrically so that a
     * negative net spend (refunds exceeding purchases) stays defined and the transform remains invertible.
     */
    SIGNED_LOG1P {
        @Override
        public double apply(double value) {
            return Math.signum(value) * Math.log1p(Math.abs(value));
        }

        @Override
        public double invert(double transformed) {
            return Math.signum(transformed) * Math.expm1(Math.abs(transformed));
        }
    };

    /** The transformed value of a raw one. */
    public abstract double apply(double value);

    /** The raw value of a transformed one: {@code invert(apply(x)) == x} up to rounding. */
    public abstract double invert(double transformed);
}
