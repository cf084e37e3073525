-- Per-channel contact consent: the latest decision per customer and channel, with when, where and what for.
CREATE TABLE customer_consent (
    customer_id  text         NOT NULL,
    channel      text         NOT NULL CHECK (channel IN
                                  ('app_push', 'sms', 'mini_program', 'email', 'wecom', 'live_stream', 'community')),
    granted      boolean      NOT NULL,
    purpose      text         NOT NULL DEFAULT 'marketing' CHECK (length(purpose) BETWEEN 1 AND 64),
    source       text         CHECK (length(source) <= 128),
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (customer_id, channel)
);
