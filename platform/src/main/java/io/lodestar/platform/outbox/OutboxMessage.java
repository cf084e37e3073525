package io.lodestar.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event waiting in (or already relayed from) the outbox; see V0_1__outbox_message.sql. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String topic;

    /** The Kafka key: the customerId for customer-scoped events, so one customer's events stay in order. */
    @Column(name = "message_key", columnDefinition = "text")
    public String messageKey;

    /** The encoded envelope, exactly the bytes the consumers will read. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
}
