-- Traffic, site funnel, conversion paths and touchpoint heatmap (io.lodestar.segmentation.analytics), aggregated from
-- lodestar.customer-events.v1 and lodestar.orders.v1 by their own consumer groups, one Kafka batch per transaction.
-- Hours and days are UTC and keyed by when the event happened, so a late event updates its own hour. Unique visitors
-- are HyperLogLogs in Redis (one per day x channel, and per hour x channel), not rows.

-- The last Kafka offset applied per consumer, topic and partition, advanced in the batch's transaction: a record at or
-- below it is skipped, so a redelivered batch changes nothing and a replay from the start rebuilds the same figures.
CREATE TABLE traffic_consumer_offset (
    consumer    text    NOT NULL,
    topic       text    NOT NULL,
    partition   integer NOT NULL CHECK (partition >= 0),
    last_offset bigint  NOT NULL CHECK (last_offset >= -1),
    PRIMARY KEY (consumer, topic, partition)
);

-- Per UTC hour and channel: page views (page_view and product_view), interactions (every behaviour event, anonymous
-- visitors included) and paid orders (orders with a channel, each order id once).
CREATE TABLE traffic_hourly (
    hour         timestamptz NOT NULL,
    channel      text        NOT NULL CHECK (channel IN ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    page_views   bigint      NOT NULL DEFAULT 0 CHECK (page_views >= 0),
    interactions bigint      NOT NULL DEFAULT 0 CHECK (interactions >= 0),
    orders       bigint      NOT NULL DEFAULT 0 CHECK (orders >= 0),
    PRIMARY KEY (hour, channel)
);

-- The UTC day of each visitor's first event, per channel and over all channels (scope 'all'). A late event from an
-- earlier day moves it there, and traffic_new_visitors moves with it.
CREATE TABLE visitor_first_seen (
    visitor_id text NOT NULL,
    scope      text NOT NULL CHECK (scope IN ('all', 'app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    first_day  date NOT NULL,
    PRIMARY KEY (visitor_id, scope)
);

-- How many visitors were first seen on each day, per scope (kept equal to a count over visitor_first_seen).
CREATE TABLE traffic_new_visitors (
    day      date   NOT NULL,
    scope    text   NOT NULL CHECK (scope IN ('all', 'app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    visitors bigint NOT NULL CHECK (visitors >= 0),
    PRIMARY KEY (day, scope)
);

-- The funnel steps a customer reached per UTC day, channel and category, as bits: 1 exposure (product_view),
-- 2 click, 4 add to cart, 8 checkout, 16 pay. Category 'unknown' when the event or order line has none.
CREATE TABLE funnel_reach (
    day         date     NOT NULL,
    channel     text     NOT NULL CHECK (channel IN ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    category    text     NOT NULL,
    customer_id text     NOT NULL,
    steps       smallint NOT NULL CHECK (steps BETWEEN 1 AND 31),
    PRIMARY KEY (day, channel, category, customer_id)
);

-- Each customer's first touch (behaviour event) of each UTC day: when and on which channel.
CREATE TABLE customer_day_touch (
    customer_id text        NOT NULL,
    day         date        NOT NULL,
    first_at    timestamptz NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    PRIMARY KEY (customer_id, day)
);
CREATE INDEX customer_day_touch_by_day ON customer_day_touch (day);

-- Paid orders as the traffic consumer saw them (once per order id); channel null when the order named none.
CREATE TABLE paid_order_touch (
    order_id    text        PRIMARY KEY,
    customer_id text        NOT NULL,
    paid_at     timestamptz NOT NULL,
    channel     text        CHECK (channel IN ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline'))
);
CREATE INDEX paid_order_touch_by_customer ON paid_order_touch (customer_id, paid_at);

-- Per customer and hour of the week in lodestar.traffic.heatmap-zone (0 = Monday 00:00-01:00 ... 167): interactions
-- and paid orders, for the best send slots of a segment's customers.
CREATE TABLE customer_slot_activity (
    customer_id  text     NOT NULL,
    hour_of_week smallint NOT NULL CHECK (hour_of_week BETWEEN 0 AND 167),
    interactions bigint   NOT NULL DEFAULT 0 CHECK (interactions >= 0),
    orders       bigint   NOT NULL DEFAULT 0 CHECK (orders >= 0),
    PRIMARY KEY (customer_id, hour_of_week)
);
