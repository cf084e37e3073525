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

    @Scheduled(identity = "lodestar-outbox-relay", every = "${lodestar.outbox.poll-interval:0.5s}",
            delayed = "1s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return outbox.relayPending()
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
