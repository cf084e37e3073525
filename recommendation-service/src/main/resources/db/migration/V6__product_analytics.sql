-- Product analytics (GET /analytics/products, /hot, /stale): what the catalogue may add about cost and stock, and one
-- row of figures per item and UTC day, kept by the behaviour and order consumers in the transaction that records the
-- event (processed_event) and only for the interaction rows that insert actually wrote, so a redelivered event changes
-- nothing. The day is the event's own time (occurredAt, paidAt, refundedAt), so a late event updates its day; replaying
-- the topics into an empty database rebuilds the same rows. Figures start with this migration: interactions recorded
-- before it carry no money, so they are not back-filled.

-- Unit cost in the item's currency (margin is null without it) and units on hand (stock turnover is null without it).
ALTER TABLE item
    ADD COLUMN cost           numeric(14,2) CHECK (cost >= 0),
    ADD COLUMN stock_quantity integer       CHECK (stock_quantity >= 0);

CREATE TABLE product_daily (
    item_id         text          NOT NULL,
    day             date          NOT NULL,
    views           bigint        NOT NULL DEFAULT 0 CHECK (views >= 0),
    clicks          bigint        NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    add_to_carts    bigint        NOT NULL DEFAULT 0 CHECK (add_to_carts >= 0),
    rec_impressions bigint        NOT NULL DEFAULT 0 CHECK (rec_impressions >= 0),
    rec_clicks      bigint        NOT NULL DEFAULT 0 CHECK (rec_clicks >= 0),
    -- Paid orders containing the item, and their units and net line amounts (quantity × unit price − line discount).
    orders          bigint        NOT NULL DEFAULT 0 CHECK (orders >= 0),
    units           bigint        NOT NULL DEFAULT 0 CHECK (units >= 0),
    revenue         numeric(16,2) NOT NULL DEFAULT 0 CHECK (revenue >= 0),
    -- Refund events naming the item, their units and the part of the refunded amount allocated to the item.
    refunds         bigint        NOT NULL DEFAULT 0 CHECK (refunds >= 0),
    refunded_units  bigint        NOT NULL DEFAULT 0 CHECK (refunded_units >= 0),
    refund_amount   numeric(16,2) NOT NULL DEFAULT 0 CHECK (refund_amount >= 0),
    PRIMARY KEY (item_id, day)
);
-- The range queries read every item's days in [from, to]; the primary key serves one item's days (last sale, stale).
CREATE INDEX product_daily_by_day ON product_daily (day, item_id);
