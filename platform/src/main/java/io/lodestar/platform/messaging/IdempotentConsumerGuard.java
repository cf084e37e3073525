package io.lodestar.platform.messaging;

import java.util.function.Supplier;

import io.lodestar.contracts.EventEnvelope;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes a consumer idempotent: the effect of an event runs only the first time {@code consumer} sees its
 * eventId. Call it from the service's {@code @WithTransaction apply(envelope)} method, so the marker row and the
 * state change commit or roll back together: a redelivery after a crash either finds both or neither.
 */
@ApplicationScoped
public class IdempotentConsumerGuard {

    private final ProcessedEventRepository repository;

    public IdempotentConsumerGuard(ProcessedEventRepository repository) {
        this.repository = repository;
    }

    /**
     * Runs {@code effect} unless this consumer already applied the event.
     *
     * @return true if the effect ran, false for a duplicate
     */
    public Uni<Boolean> once(String consumer, EventEnvelope<?> event, Supplier<Uni<?>> effect) {
        return repository.insertIfAbsent(consumer, event.eventId()).chain(first -> {
            if (!first) {
                Log.debugf("%s: event %s (%s) already applied, skipped", consumer, event.eventId(), event.type());
                return Uni.createFrom().item(false);
            }
            return effect.get().replaceWith(true);
        });
    }

    /**
     * As {@link #once(String, EventEnvelope, Supplier)}, for consumers that write with plain SQL: the marker row
     * is inserted on {@code connection}, whose transaction must also carry the effect.
     */
    public Uni<Boolean> once(SqlConnection connection, String consumer, EventEnvelope<?> event,
                             Supplier<Uni<?>> effect) {
        return connection.preparedQuery("INSERT INTO processed_event (consumer, event_id, processed_at) "
                        + "VALUES ($1, $2, now()) ON CONFLICT (consumer, event_id) DO NOTHING")
                .execute(Tuple.of(consumer, event.eventId()))
                .chain(result -> {
                    if (result.rowCount() == 0) {
                        Log.debugf("%s: event %s (%s) already applied, skipped", consumer, event.eventId(),
                                event.type());
                        return Uni.createFrom().item(false);
                    }
                    return effect.get().replaceWith(true);
                });
    }
}
