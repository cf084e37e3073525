package io.lodestar.platform.messaging;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, ProcessedEvent.Key> {

    /**
     * Records that {@code consumer} applied {@code eventId}; answers true only the first time. An upsert rather
     * than a failed insert, because a unique violation would abort the surrounding transaction.
     */
    public Uni<Boolean> insertIfAbsent(String consumer, UUID eventId) {
        return getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, now()) "
                                + "ON CONFLICT (consumer, event_id) DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
