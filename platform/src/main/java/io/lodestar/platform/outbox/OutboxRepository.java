package io.lodestar.platform.outbox;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /**
     * Every replica runs a relay; a transaction-scoped advisory lock lets exactly one of them publish at a time,
     * which keeps the per-key order across replicas. The number is arbitrary but fixed (ASCII "outbox").
     */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    /** Takes the relay lock for the current transaction, or answers false at once if another relay holds it. */
    public Uni<Boolean> tryRelayLock() {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult());
    }

    /** The oldest pending events, in commit order. */
    public Uni<List<OutboxMessage>> findPending(int limit) {
        return find("sentAt is null order by id").page(0, limit).list();
    }

    /** Marks these events sent (acknowledged by Kafka) at {@code at}. */
    public Uni<Integer> markSent(List<Long> ids, Instant at) {
        return update("sentAt = ?1, attempts = attempts + 1, lastError = null where id in ?2", at, ids);
    }

    public Uni<Long> countPending() {
        return count("sentAt is null");
    }

    public Uni<OutboxMessage> findOldestPending() {
        return find("sentAt is null order by id").firstResult();
    }

    public Uni<Instant> findLastSentAt() {
        return getSession().chain(session -> session
                .createSelectionQuery("select max(sentAt) from OutboxMessage", Instant.class)
                .getSingleResultOrNull());
    }

    public Uni<Long> deleteSentBefore(Instant cutoff) {
        return delete("sentAt is not null and sentAt < ?1", cutoff);
    }
}
