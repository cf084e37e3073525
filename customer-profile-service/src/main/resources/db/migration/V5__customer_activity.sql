-- Behaviour aggregates of the customer 360 view, kept incrementally as events are recorded (never recounted):
-- one counter per customer, dimension and key, e.g. (c-1, 'category', 'beauty'), (c-1, 'hour', '21').
-- Hours and days of week are counted in UTC (dow: 1 = Monday … 7 = Sunday, ISO).
CREATE TABLE customer_activity (
    customer_id  text         NOT NULL,
    dimension    text         NOT NULL CHECK (dimension IN ('behaviour', 'category', 'channel', 'hour', 'dow')),
    key          text         NOT NULL,
    events       bigint       NOT NULL CHECK (events > 0),
    last_at      timestamptz  NOT NULL,
    PRIMARY KEY (customer_id, dimension, key)
);
