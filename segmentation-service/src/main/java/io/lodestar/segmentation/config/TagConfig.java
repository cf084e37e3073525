package io.lodestar.segmentation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How segment tags are kept in Redis. */
@ConfigMapping(prefix = "lodestar.tags")
public interface TagConfig {

    /**
     * How long a version's keys live. Longer than the time between full runs (monthly by default), so tags never
     * expire under readers; a version that is no longer current is shortened to {@link #supersededTtl()}.
     */
    @WithDefault("45d")
    Duration ttl();

    /** How long the keys of a superseded version stay, for readers that fetched the old version number just before. */
    @WithDefault("5m")
    Duration supersededTtl();

    /** The longest the segments endpoint waits for Redis before it answers from PostgreSQL. */
    @WithDefault("100ms")
    Duration redisTimeout();

    /** How long a reader trusts the version number it read, saving a Redis round trip per request. */
    @WithDefault("1s")
    Duration versionCacheTtl();

    /** Redis commands per pipelined batch while a run writes a version (a few batches are in flight at once). */
    @WithDefault("1000")
    int writeBatch();
}
