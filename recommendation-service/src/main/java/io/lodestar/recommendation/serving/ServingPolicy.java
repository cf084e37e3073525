package io.lodestar.recommendation.serving;

import io.lodestar.recommendation.config.ServingConfig;
import java.time.ZoneId;

/**
 * The rules applied after scoring, as numbers (so the pure engine needs no configuration system).
 *
 * @param maxCategoryShare      at most this share of a response from one category (at least one item each)
 * @param longTailBoost         score multiplier for long-tail items (1 = none)
 * @param defaultRepurchaseDays when a bought consumable without its own cycle is due again
 * @param timeZone              the shop's time zone, in which time-of-day boosts were learned
 */
public record ServingPolicy(double maxCategoryShare, double longTailBoost, int defaultRepurchaseDays,
                            ZoneId timeZone) {

    public ServingPolicy {
        if (maxCategoryShare <= 0 || maxCategoryShare > 1) {
            throw new IllegalArgumentException("maxCategoryShare must be in (0, 1]");
        }
        if (longTailBoost < 1) {
            throw new IllegalArgumentException("longTailBoost must be at least 1");
        }
        if (defaultRepurchaseDays < 1) {
            throw new IllegalArgumentException("defaultRepurchaseDays must be at least 1");
        }
    }

    public static ServingPolicy of(ServingConfig config) {
        return new ServingPolicy(config.maxCategoryShare(), config.longTailBoost(), config.defaultRepurchaseDays(),
                config.timeZone());
    }
}
