package io.lodestar.recommendation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How recommendations are served ({@code lodestar.serving.*}). */
@ConfigMapping(prefix = "lodestar.serving")
public interface ServingConfig {

    /** The segmentation tag that names a customer's segment for "popular in your segment" (e.g. the K-means cluster). */
    @WithDefault("cluster")
    String segmentTag();

    /** Default number of recommendations when the request gives no k. */
    @WithDefault("10")
    int defaultK();

    /** At most this share of a response from one category (diversity); at least one item per category is allowed. */
    @WithDefault("0.4")
    double maxCategoryShare();

    /**
     * Score multiplier for long-tail items (outside the head that makes up 80% of interactions): CF is weakest
     * there, so a small boost keeps the catalogue's tail visible. 1 = no boost.
     */
    @WithDefault("1.15")
    double longTailBoost();

    /** Days after which a bought consumable is due again when the catalogue gives none. */
    @WithDefault("30")
    int defaultRepurchaseDays();

    /** Lifetime of a cached recommendation list in Redis. */
    @WithDefault("6h")
    Duration cacheTtl();

    /**
     * How long serving waits for Redis (segment tags, cache) before answering without it. Generous enough for a busy
     * event loop: a cache read given up too early turns into a computed list, which makes the loop busier still.
     */
    @WithDefault("150ms")
    Duration redisTimeout();

    /** After each training, customers active within this period get their home list precomputed into Redis. */
    @WithDefault("30d")
    Duration precomputeActiveWithin();

    /** At most this many customers are precomputed per training (the most recently active first). */
    @WithDefault("200000")
    int precomputeMaxCustomers();

    /** Length of a precomputed list: requests for at most this k are answered from the cache. */
    @WithDefault("20")
    int precomputeSize();

    /** The shop's time zone: hours of the week (time-of-day boosts) are learned and applied in it. */
    @WithDefault("UTC")
    java.time.ZoneId timeZone();

    /** How long serving remembers which model produced each served item (crediting impressions and clicks). */
    @WithDefault("2d")
    Duration servedTtl();
}
