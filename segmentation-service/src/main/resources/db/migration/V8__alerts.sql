-- Anomaly early warning (io.lodestar.segmentation.alert).

-- Hourly order figures per order channel, fed by the orders-alerts consumer of lodestar.orders.v1 and bucketed by
-- the event's own paid / refunded time (UTC hour), so a late event updates its hour. 'unknown': an order without a
-- channel, or a refund of an order this table has not seen paid.
CREATE TABLE alert_order_hour (
    hour          timestamptz NOT NULL,
    channel       text        NOT NULL,
    paid_orders   bigint      NOT NULL DEFAULT 0 CHECK (paid_orders >= 0),
    revenue       numeric     NOT NULL DEFAULT 0,
    refunds       bigint      NOT NULL DEFAULT 0 CHECK (refunds >= 0),
    refund_amount numeric     NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, channel),
    CHECK (date_trunc('hour', hour AT TIME ZONE 'UTC') = hour AT TIME ZONE 'UTC')
);

-- Paid orders by id: a second order.paid of the same order (a new event id) counts once, and a refund finds the
-- channel of its order.
CREATE TABLE alert_paid_order (
    order_id text        PRIMARY KEY,
    channel  text        NOT NULL,
    paid_at  timestamptz NOT NULL
);

-- Operators' rules (AlertRuleRequest); kind-specific columns are null for the other kind.
CREATE TABLE alert_rule (
    rule_id             text        PRIMARY KEY,
    name                text        NOT NULL UNIQUE,
    kind                text        NOT NULL CHECK (kind IN ('threshold', 'seasonal')),
    metric              text        NOT NULL,
    channel             text,
    comparison          text        NOT NULL CHECK (comparison IN ('above', 'below', 'outside')),
    threshold           double precision,
    window_hours        integer     NOT NULL CHECK (window_hours BETWEEN 1 AND 168),
    weeks               integer     CHECK (weeks BETWEEN 1 AND 12),
    band                double precision CHECK (band > 0 AND band <= 10),
    min_baseline_weeks  integer     CHECK (min_baseline_weeks >= 1 AND min_baseline_weeks <= weeks),
    min_volume          double precision NOT NULL CHECK (min_volume >= 0),
    severity            text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    resolve_after_hours integer     NOT NULL CHECK (resolve_after_hours BETWEEN 1 AND 168),
    enabled             boolean     NOT NULL,
    -- the end of the last closed hour evaluated: evaluating it again (the next tick, another replica) changes nothing
    evaluated_until     timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK ((kind = 'threshold' AND threshold IS NOT NULL AND comparison <> 'outside')
        OR (kind = 'seasonal' AND weeks IS NOT NULL AND band IS NOT NULL AND min_baseline_weeks IS NOT NULL))
);

-- Incidents: raised once, updated while the metric stays out of range, resolved when it is back.
CREATE TABLE alert (
    alert_id          text             PRIMARY KEY,
    rule_id           text             NOT NULL,
    metric            text             NOT NULL,
    dimension         text,
    severity          text             NOT NULL,
    status            text             NOT NULL CHECK (status IN ('open', 'resolved')),
    message           text             NOT NULL,
    observed          double precision NOT NULL,
    expected          double precision NOT NULL,
    window_start      timestamptz      NOT NULL,
    window_end        timestamptz      NOT NULL,
    last_observed     double precision NOT NULL,
    last_expected     double precision NOT NULL,
    last_window_end   timestamptz      NOT NULL,
    normal_hours      integer          NOT NULL DEFAULT 0,
    started_at        timestamptz      NOT NULL,
    resolved_at       timestamptz,
    CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
-- One open alert per rule and dimension: duplicates of an ongoing incident cannot exist.
CREATE UNIQUE INDEX alert_open_per_rule ON alert (rule_id, coalesce(dimension, '')) WHERE status = 'open';
CREATE INDEX alert_by_start ON alert (started_at DESC, alert_id DESC);
