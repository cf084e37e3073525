-- Idempotent-consumer guard (lodestar-platform): one row per (consumer, eventId) already applied, written in
-- the same transaction as the state change it guards, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer      text         NOT NULL,
    event_id      uuid         NOT NULL,
    processed_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
