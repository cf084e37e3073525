package io.lodestar.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Anomaly early warning ({@code lodestar.alerts.*}): when the rules are evaluated. */
@ConfigMapping(prefix = "lodestar.alerts")
public interface AlertConfig {

    /**
     * How often the scheduler evaluates every enabled rule on the last closed hour (a Quarkus {@code every} value,
     * e.g. {@code 1m}; {@code off} disables it). An hour already evaluated is not evaluated again, so a short interval
     * only shortens the delay after the hour closes.
     */
    @WithDefault("1m")
    String evaluateEvery();

    /** The consecutive normal hours that resolve an alert when its rule does not say (1: the first normal hour). */
    @WithDefault("1")
    int resolveAfterHours();
}
