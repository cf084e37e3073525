package io.lodestar.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When segmentation runs recompute everyone, and how they write. */
@ConfigMapping(prefix = "lodestar.runs")
public interface RunConfig {

    /** Cron of the full run (Quartz syntax; {@code off} disables it). Default: 03:00 UTC on the 1st of each month. */
    @WithDefault("0 0 3 1 * ?")
    String fullCron();

    /**
     * Cron of the daily refresh of time-relative segments (a customer turns "at risk" after 90 days without any
     * event). It runs the same recomputation, which only publishes what changed. {@code off} disables it.
     */
    @WithDefault("0 30 3 * * ?")
    String refreshCron();

    /** Rows per statement when a run writes scores and tag changes. */
    @WithDefault("5000")
    int writeChunk();
}
