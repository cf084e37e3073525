-- NPS, satisfaction scores and complaints. The comment is personal data and stays here (it is not published).
CREATE TABLE customer_feedback (
    feedback_id  uuid         PRIMARY KEY,
    customer_id  text         NOT NULL,
    kind         text         NOT NULL CHECK (kind IN ('nps', 'csat', 'complaint')),
    score        integer,
    category     text         CHECK (length(category) <= 64),
    comment      text         CHECK (length(comment) <= 2000),
    channel      text         CHECK (channel IN ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    order_id     text,
    given_at     timestamptz  NOT NULL,
    CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5)
           OR (kind = 'complaint' AND (score IS NULL OR score BETWEEN 1 AND 5)))
);
CREATE INDEX customer_feedback_by_customer ON customer_feedback (customer_id, kind, given_at DESC);
