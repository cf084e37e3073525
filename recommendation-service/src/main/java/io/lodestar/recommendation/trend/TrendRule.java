package io.lodestar.recommendation.trend;

import java.time.Duration;
import java.util.Objects;

/**
 * When an item counts as trending.
 *
 * @param growthThreshold minimum relative rise of heat against the previous window (0.30 = +30 %), positive
 * @param minimumHeat     heat the item must reach in the current window, so that a rise from 1 to 2 views is not a
 *                        trend; not negative
 * @param window          length of each of the two windows; the caller counts events over it (the rule itself only
 *                        compares the two counts, but carrying the length here keeps counting and rule in one config)
 * @param weights         how events turn into heat
 */
public record TrendRule(double growthThreshold, double minimumHeat, Duration window, HeatWeights weights) {

    /** +30 % over a 24-hour window, at least 20 heat (20 views, or 4 orders), default weights. */
    public static final TrendRule DEFAULT = new TrendRule(0.30, 20, Duration.ofHours(24), HeatWeights.DEFAULT);

    public TrendRule {
        if (!(growthThreshold > 0) || !Double.isFinite(growthThreshold)) {
            throw new IllegalArgumentException("growthThreshold must be positive");
        }
        if (!(minimumHeat >= 0) || !Double.isFinite(minimumHeat)) {
            throw new IllegalArgumentException("minimumHeat must not be negative");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        Objects.requireNonNull(weights, "weights");
    }
}
