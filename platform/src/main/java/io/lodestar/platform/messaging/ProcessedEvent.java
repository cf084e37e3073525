package io.lodestar.platform.messaging;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An event a consumer has already applied; see V0_2__processed_event.sql. */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {

    @Id
    @Column(columnDefinition = "text")
    public String consumer;

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** Composite primary key (consumer, eventId). */
    public record Key(String consumer, UUID eventId) implements Serializable {
    }
}
