-- Transactional outbox (lodestar-platform): a state change and the event announcing it commit together;
-- OutboxRelay publishes pending rows to Kafka in id order and marks them sent.
CREATE TABLE outbox_message (
    id           bigserial    PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    event_type   text         NOT NULL,
    topic        text         NOT NULL,
    message_key  text,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    sent_at      timestamptz,
    attempts     integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   text
);

-- The relay only ever reads the pending rows, oldest first.
CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE sent_at IS NULL;
-- Sent rows are purged after the retention period.
CREATE INDEX outbox_message_sent_at ON outbox_message (sent_at) WHERE sent_at IS NOT NULL;
