-- Trending items published on lodestar.product-trends.v1 (io.lodestar.recommendation.trend). Heat is measured over
-- the sliding window that ends at each detection; an item is published at most once per reporting window, the
-- windows of the configured length (lodestar.trends.window, 24 h: UTC days) laid end to end from the epoch. The
-- primary key enforces that even if two detections ever raced, and the row commits in the transaction that writes its
-- event to the outbox, so a row exists exactly when its event will be published.
CREATE TABLE trending_item (
    item_id       text             NOT NULL,
    -- Start of the reporting window the item was published in.
    window_start  timestamptz      NOT NULL,
    -- The item's leaf category when it was detected (null for a stub item the catalogue has not described yet).
    category      text,
    heat          double precision NOT NULL CHECK (heat > 0),
    previous_heat double precision NOT NULL CHECK (previous_heat >= 0),
    -- (heat - previous_heat) / previous_heat; 1.0 by convention for an item without previous heat.
    growth        double precision NOT NULL,
    window_hours  integer          NOT NULL CHECK (window_hours > 0),
    detected_at   timestamptz      NOT NULL,
    -- The eventId of the product.trending event, to trace a row to its Kafka record.
    event_id      uuid             NOT NULL UNIQUE,
    PRIMARY KEY (item_id, window_start)
);
-- GET /trending reads the reports of the last window, newest first.
CREATE INDEX trending_item_by_detection ON trending_item (detected_at DESC);
