package io.lodestar.platform.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The transactional outbox: services {@link #enqueue} an event inside the transaction that changes their state,
 * and the relay publishes committed events to Kafka at least once, in commit order (hence in order per key),
 * marking each one sent only after the broker acknowledged it. If the broker is down, events wait here.
 */
@ApplicationScoped
public class OutboxService {

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final EventCodec codec;
    private final OutboxConfig config;

    public OutboxService(OutboxRepository repository, OutboxPublisher publisher, EventCodec codec, OutboxConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.codec = codec;
        this.config = config;
    }

    /**
     * Adds an event to the outbox of the caller's current transaction, keyed by the envelope's customerId.
     * Fails if there is no transaction: outside one the event could commit without the change, or vice versa.
     */
    public Uni<Void> enqueue(EventEnvelope<?> event) {
        return enqueue(event, event.customerId());
    }

    /**
     * Adds many events in one statement, keyed by their customerId, on the SQL connection whose transaction also
     * writes the state change: the outbox of bulk writes that go around Hibernate (a bulk import's thousands of
     * rows). The rows are exactly those of {@link #enqueue}, in list order; the relay treats them alike.
     */
    public Uni<Void> enqueueAll(SqlConnection connection, List<? extends EventEnvelope<?>> events) {
        return enqueueAll(connection, events, EventEnvelope::customerId);
    }

    /**
     * As {@link #enqueueAll(SqlConnection, List)}, each event keyed by {@code key} (for events not about one
     * customer, e.g. alerts keyed by their rule, so one rule's raised and resolved events stay in order).
     */
    public Uni<Void> enqueueAll(SqlConnection connection, List<? extends EventEnvelope<?>> events,
                                Function<EventEnvelope<?>, String> key) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            EventEnvelope<?> event = events.get(i);
            String topic = topicOf(event);
            String messageKey = key.apply(event);
            if (messageKey == null) {
                throw new IllegalArgumentException("event " + event.type()
                        + " needs a Kafka key: a customerId or an explicit key");
            }
            ids[i] = event.eventId();
            types[i] = event.type();
            topics[i] = topic;
            keys[i] = messageKey;
            payloads[i] = codec.encode(event);
        }
        // WITH ORDINALITY ... ORDER BY: the ids (the relay's order) follow the list
        return connection.preparedQuery("""
                INSERT INTO outbox_message (event_id, event_type, topic, message_key, payload, created_at)
                SELECT e.id, e.type, e.topic, e.key, e.payload, $6
                FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
                     WITH ORDINALITY AS e(id, type, topic, key, payload, position)
                ORDER BY e.position""")
                .execute(Tuple.of(ids, types, topics, keys, payloads, now))
                .replaceWithVoid();
    }

    /** As {@link #enqueue(EventEnvelope)} with an explicit Kafka key (for events not about one customer). */
    public Uni<Void> enqueue(EventEnvelope<?> event, String key) {
        String topic = topicOf(event);
        if (key == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "event " + event.type() + " needs a Kafka key: a customerId or an explicit key"));
        }
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.eventId();
        message.eventType = event.type();
        message.topic = topic;
        message.messageKey = key;
        message.payload = codec.encode(event);
        message.createdAt = Instant.now();
        return Panache.currentTransaction().chain(tx -> tx == null
                ? Uni.createFrom().failure(new IllegalStateException(
                        "OutboxService.enqueue must run inside the transaction of the state change"))
                : repository.persist(message).replaceWithVoid());
    }

    /**
     * One relay pass: under the relay lock, publishes a batch of the oldest pending events. The sends are issued in
     * commit order without waiting for each other (the idempotent producer keeps that order per partition, so per
     * key), then the events are marked sent up to the first one Kafka refused: that one and everything after it
     * stay pending and are sent again, in order, by a later pass (consumers are idempotent by eventId).
     *
     * @return how many events were acknowledged and marked sent
     */
    @WithTransaction
    public Uni<Integer> relayPending() {
        return repository.tryRelayLock().chain(locked -> locked
                ? repository.findPending(config.batchSize()).chain(this::publishInOrder)
                : Uni.createFrom().item(0));
    }

    private static String topicOf(EventEnvelope<?> event) {
        return EventType.byTypeName(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type())).topic();
    }

    /** The batch size, so that the relay knows whether a full batch suggests more is waiting. */
    public int batchSize() {
        return config.batchSize();
    }

    private Uni<Integer> publishInOrder(List<OutboxMessage> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Kafka acknowledges on its own threads; the Hibernate Reactive session must be used on this context.
        Context context = Vertx.currentContext();
        List<Uni<Throwable>> sends = pending.stream()
                .map(message -> publisher.publish(message).map(ignored -> (Throwable) null)
                        .onFailure().recoverWithItem(failure -> failure))
                .toList();
        return Uni.join().all(sends).andFailFast()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(results -> markSent(pending, results));
    }

    /**
     * Marks the acknowledged prefix sent in one statement (a relay pass of thousands of events must not become
     * thousands of UPDATEs), and records the error on the first refused event; the rest wait for the next pass.
     */
    private Uni<Integer> markSent(List<OutboxMessage> pending, List<Throwable> results) {
        int sent = 0;
        while (sent < pending.size() && results.get(sent) == null) {
            sent++;
        }
        if (sent < pending.size()) {
            OutboxMessage refused = pending.get(sent);
            Throwable failure = results.get(sent);
            Log.warnf("Outbox relay: Kafka refused event %s (%s) to %s, will retry: %s",
                    refused.eventId, refused.eventType, refused.topic, failure.getMessage());
            refused.attempts++;
            refused.lastError = String.valueOf(failure.getMessage());
        }
        int acknowledged = sent;
        List<Long> ids = pending.subList(0, sent).stream().map(message -> message.id).toList();
        return ids.isEmpty() ? Uni.createFrom().item(0)
                : repository.markSent(ids, Instant.now()).replaceWith(acknowledged);
    }

    /** Deletes events relayed longer ago than the retention period. */
    @WithTransaction
    public Uni<Long> purgeSent() {
        return repository.deleteSentBefore(Instant.now().minus(config.retention()));
    }

    /** The relay's backlog, for operators. */
    @WithSession
    public Uni<OutboxStatus> status() {
        return repository.countPending().chain(pending -> repository.findOldestPending()
                .chain(oldest -> repository.findLastSentAt()
                        .map(lastSent -> new OutboxStatus(pending,
                                oldest == null ? null : oldest.createdAt,
                                oldest == null ? 0 : oldest.attempts,
                                oldest == null ? null : oldest.lastError,
                                lastSent))));
    }
}
