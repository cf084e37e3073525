package io.lodestar.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the transactional outbox relay ({@code lodestar.outbox.*}). */
@ConfigMapping(prefix = "lodestar.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for pending events: the worst-case extra latency of an event, so it is short; an
     * idle poll is one index-only query. The Quarkus scheduler's resolution is one second, the lowest value.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** The most events sent in one relay transaction; a pass drains batch after batch while they come full. */
    @WithDefault("500")
    int batchSize();

    /** How long relayed events are kept for inspection before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
