package io.lodestar.recommendation.config;

import java.time.Duration;

import io.lodestar.recommendation.trend.HeatWeights;
import io.lodestar.recommendation.trend.TrendRule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When an item counts as trending and how often the detector looks ({@code lodestar.trends.*}). The defaults are
 * {@link TrendRule#DEFAULT}: +30 % heat over the previous 24 hours, at least 20 heat, views/carts/orders weighing 1/3/5.
 */
@ConfigMapping(prefix = "lodestar.trends")
public interface TrendConfig {

    /**
     * How often the scheduled detection runs (a Quarkus {@code every} value such as {@code 15m}; {@code off} disables
     * it, as the test profile does so that tests trigger detections themselves). The scheduler reads this key.
     */
    @WithDefault("15m")
    String interval();

    /**
     * Length of the window heat is counted over, and of the previous window it is compared with; a whole number of
     * hours, because {@code lodestar.product-trends.v1} carries it as {@code windowHours}. It is also the reporting
     * window: an item is published at most once per window of this length (counted from the epoch, so 24 h = a UTC day).
     */
    @WithDefault("24h")
    Duration window();

    /** Minimum rise of heat against the previous window: 0.30 = +30 %. */
    @WithDefault("0.30")
    double growthThreshold();

    /** Heat an item must reach in the current window, so that 2 views after 1 is not a trend. */
    @WithDefault("20")
    double minimumHeat();

    /** What each event adds to an item's heat. */
    Weights weights();

    /** {@code lodestar.trends.weights.*}: heat per event of each kind. */
    interface Weights {

        /** Heat per product view. */
        @WithDefault("1")
        double view();

        /** Heat per add-to-cart. */
        @WithDefault("3")
        double cart();

        /** Heat per order containing the item (not per unit: one order is one decision to buy). */
        @WithDefault("5")
        double order();
    }

    /**
     * The rule these settings describe.
     *
     * @throws IllegalArgumentException if a setting is out of range or the window is not a whole number of hours
     */
    default TrendRule rule() {
        Duration window = window();
        if (window.toHours() < 1 || !window.equals(Duration.ofHours(window.toHours()))) {
            throw new IllegalArgumentException("lodestar.trends.window must be a whole number of hours, was " + window);
        }
        return new TrendRule(growthThreshold(), minimumHeat(), window,
                new HeatWeights(weights().view(), weights().cart(), weights().order()));
    }
}
