package io.lodestar.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the transactional outbox relay ({@code lodestar.outbox.*}). */
@ConfigMapping(prefix = "lodestar.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for pending events. It is also the worst-case extra latency of an event, so it
     * is short; an idle poll is one index-only query.
     */
    @WithDefault("0.5s")
    Duration pollInterval();

    /** The most events sent in one relay pass (one transaction). */
    @WithDefault("200")
    int batchSize();

    /** How long relayed events are kept for inspection before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
