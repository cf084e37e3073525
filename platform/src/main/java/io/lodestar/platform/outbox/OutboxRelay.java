package io.lodestar.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Drives the outbox: a relay pass every poll interval, a purge of old sent rows every hour. */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxService outbox;

    public OutboxRelay(OutboxService outbox) {
        this.outbox = outbox;
    }

    /** A pass drains up to this many full batches before it yields to the next tick. */
    static final int MAX_BATCHES_PER_PASS = 50;

    @Scheduled(identity = "lodestar-outbox-relay", every = "${lodestar.outbox.poll-interval:1s}",
            delayed = "1s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        // A full batch means more is probably waiting (a bulk import, the end of a Kafka outage): keep going.
        return outbox.relayPending()
                .repeat().whilst(sent -> sent == outbox.batchSize())
                .select().first(MAX_BATCHES_PER_PASS)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .onItem().invoke(sent -> {
                    if (sent > 0) {
                        Log.debugf("Outbox relay: %d event(s) acknowledged by Kafka", sent);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Outbox relay pass failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(identity = "lodestar-outbox-purge", every = "1h", delayed = "1m",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return outbox.purgeSent()
                .onFailure().invoke(failure -> Log.warnf("Outbox purge failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
