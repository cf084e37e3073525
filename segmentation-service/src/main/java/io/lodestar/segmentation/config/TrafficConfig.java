package io.lodestar.segmentation.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** How traffic, funnel, path and heatmap aggregates are kept and queried (io.lodestar.segmentation.analytics). */
@ConfigMapping(prefix = "lodestar.traffic")
public interface TrafficConfig {

    /**
     * How far back the traffic figures reach, in days: a query starting earlier, or spanning more, is refused (400), and
     * the daily unique-visitor HyperLogLogs in Redis expire this long after their day.
     */
    @WithDefault("400")
    int retentionDays();

    /** How long the hourly unique-visitor HyperLogLogs live after their hour (they serve hourlyUniqueVisitors). */
    @WithDefault("35d")
    Duration hourlyVisitorRetention();

    /** The zone of the heatmap's day of week and hour, and of the segments' best send slots. */
    @WithDefault("Asia/Shanghai")
    ZoneId heatmapZone();

    /** How long after a customer's first touch of a period a paid order still counts for that touch's path. */
    @WithDefault("7d")
    Duration pathLookback();

    /** The fewest interactions an hour-of-week needs before its conversion can make it a best send slot. */
    @WithDefault("20")
    int bestSlotMinimumInteractions();

    /** How many best send slots the heatmap lists. */
    @WithDefault("3")
    int bestSlots();

    /**
     * The funnel's session window: a customer counts once per step per window x channel x category, whatever the order
     * of their events in it. Windows tile each UTC day from midnight, so the duration must divide 24 hours evenly, from
     * {@code PT1H} to {@code P1D} ({@link FunnelSessionWindowConverter} refuses anything else at startup). The funnel is
     * still reported per day, as the sum of the day's windows. A new value applies to the events aggregated from then
     * on; rows already stored keep the windows they were counted in.
     */
    @WithDefault("P1D")
    @WithConverter(FunnelSessionWindowConverter.class)
    Duration funnelSessionWindow();

    /** Attempts at a batch whose database or Redis write fails, with back-off, before the channel fails. */
    @WithDefault("20")
    int batchAttempts();
}
