package io.lodestar.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every Kafka message is: a fact that happened, with the metadata consumers need to handle it once
 * and in order. Serialise it with {@link EventCodec}.
 *
 * @param eventId       idempotency key: consumers record it and skip an event they have already applied
 * @param type          the {@link EventType#typeName()} that decides the payload's shape
 * @param schemaVersion version of the payload's schema ({@link EventType#schemaVersion()})
 * @param occurredAt    when the fact happened (UTC), not when it was sent
 * @param producer      name of the service that wrote the event, for tracing and dead-letter triage
 * @param customerId    the customer the event is about, also the Kafka key so that one customer's events
 *                      stay in order; required for {@link EventType#customerScoped() customer-scoped}
 *                      types, {@code null} for events about no single customer (trends, alerts)
 * @param payload       the event itself, a record of {@link EventType#payloadType()}
 * @param <P>           payload type
 */
public record EventEnvelope<P>(
        @JsonProperty(required = true) UUID eventId,
        @JsonProperty(required = true) String type,
        @JsonProperty(required = true) int schemaVersion,
        @JsonProperty(required = true) Instant occurredAt,
        @JsonProperty(required = true) String producer,
        String customerId,
        @JsonProperty(required = true) P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
        }
    }

    /** A new event with a random id, happening now. */
    public static <P> EventEnvelope<P> of(EventType type, String producer, String customerId, P payload) {
        return of(UUID.randomUUID(), Instant.now(), type, producer, customerId, payload);
    }

    /**
     * A new event with a given id and time, for producers that derive the id from their outbox row and
     * for tests.
     *
     * @throws IllegalArgumentException if the payload is not of the type's payload class, or the type is
     *                                  customer-scoped and {@code customerId} is null
     */
    public static <P> EventEnvelope<P> of(UUID eventId, Instant occurredAt, EventType type, String producer,
                                          String customerId, P payload) {
        Objects.requireNonNull(type, "type");
        if (payload != null && !type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.typeName() + " needs a payload of "
                    + type.payloadType().getSimpleName() + ", not " + payload.getClass().getSimpleName());
        }
        if (type.customerScoped() && customerId == null) {
            throw new IllegalArgumentException(type.typeName() + " is customer-scoped: customerId is required");
        }
        return new EventEnvelope<>(eventId, type.typeName(), type.schemaVersion(), occurredAt, producer,
                customerId, payload);
    }
}
