-- The facts segmentation learns from Kafka (customers, orders, behaviour, identity) and the per-customer aggregates
-- kept from them. Every consumer writes its fact row and the aggregate change in the transaction that records the
-- event id in processed_event, so a redelivered event changes nothing and replaying the topics rebuilds the same rows.
-- Windowed values (orders and spend in the last N days, days since the last order) are not stored: they depend on
-- the clock, so runs and rules compute them from the fact tables as of an explicit instant.

-- Latest profile snapshot per customer (lodestar.customers.v1 is compacted: every record is a full snapshot).
CREATE TABLE customer_attributes (
    customer_id          text        PRIMARY KEY,
    gender               text,
    birth_date           date,
    city_tier            text        CHECK (city_tier IN ('tier-1', 'new-tier-1', 'tier-2', 'tier-3-and-below')),
    region               text,
    province             text,
    member_tier          text        CHECK (member_tier IN ('normal', 'silver', 'gold')),
    registration_channel text,
    registered_at        timestamptz,
    -- The snapshot's own updatedAt: an older snapshot arriving late never overwrites a newer one.
    source_updated_at    timestamptz NOT NULL
);

-- One row per paid order (order.paid). Amounts in the order's currency; the suite assumes one currency per shop.
CREATE TABLE paid_order (
    order_id        text          PRIMARY KEY,
    customer_id     text          NOT NULL,
    paid_at         timestamptz   NOT NULL,
    paid_amount     numeric(14,2) NOT NULL,
    discount_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
    channel         text,
    campaign_id     text
);
CREATE INDEX paid_order_by_customer ON paid_order (customer_id, paid_at);

-- Spend per category of each paid order (category shares; repurchase cycles per category).
CREATE TABLE paid_order_category (
    order_id    text          NOT NULL REFERENCES paid_order (order_id) ON DELETE CASCADE,
    category    text          NOT NULL,
    amount      numeric(14,2) NOT NULL,
    PRIMARY KEY (order_id, category)
);

-- Refunds (order.refunded): deducted from net spend at the time they happen. Keyed by the event id because one order
-- may be refunded in several parts.
CREATE TABLE order_refund (
    refund_id   uuid          PRIMARY KEY,
    order_id    text          NOT NULL,
    customer_id text          NOT NULL,
    refunded_at timestamptz   NOT NULL,
    amount      numeric(14,2) NOT NULL CHECK (amount >= 0)
);
CREATE INDEX order_refund_by_customer ON order_refund (customer_id, refunded_at);

-- Behaviour events (behaviour.recorded) kept for the time-windowed rule conditions ("3 product views in beauty within
-- 7 days") and the active-hours profile; anonymous visitors are not kept.
CREATE TABLE behaviour_event (
    event_id    uuid        PRIMARY KEY,
    customer_id text        NOT NULL,
    behaviour   text        NOT NULL,
    channel     text        NOT NULL,
    item_id     text,
    category    text,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX behaviour_event_by_customer ON behaviour_event (customer_id, behaviour, occurred_at);

-- Lifetime aggregates per customer, updated with each fact above (an upsert adding the event's contribution).
CREATE TABLE customer_feature (
    customer_id            text          PRIMARY KEY,
    first_paid_at          timestamptz,
    last_paid_at           timestamptz,
    paid_orders            integer       NOT NULL DEFAULT 0 CHECK (paid_orders >= 0),
    gross_spend            numeric(16,2) NOT NULL DEFAULT 0,
    refunded_amount        numeric(16,2) NOT NULL DEFAULT 0,
    discount_amount        numeric(16,2) NOT NULL DEFAULT 0,
    page_views             integer       NOT NULL DEFAULT 0,
    product_views          integer       NOT NULL DEFAULT 0,
    searches               integer       NOT NULL DEFAULT 0,
    clicks                 integer       NOT NULL DEFAULT 0,
    favorites              integer       NOT NULL DEFAULT 0,
    cart_adds              integer       NOT NULL DEFAULT 0,
    cart_removes           integer       NOT NULL DEFAULT 0,
    checkouts              integer       NOT NULL DEFAULT 0,
    shares                 integer       NOT NULL DEFAULT 0,
    coupon_claims          integer       NOT NULL DEFAULT 0,
    live_watches           integer       NOT NULL DEFAULT 0,
    recommendation_clicks  integer       NOT NULL DEFAULT 0,
    last_event_at          timestamptz,
    -- {"beauty": 120.50, ...}: paid spend per category.
    category_spend         jsonb         NOT NULL DEFAULT '{}'::jsonb,
    -- {"app": 12, "mini_program": 3}: events and paid orders per channel.
    channel_counts         jsonb         NOT NULL DEFAULT '{}'::jsonb,
    -- {"20": 14, "21": 9}: events per hour of day (UTC).
    hour_counts            jsonb         NOT NULL DEFAULT '{}'::jsonb,
    updated_at             timestamptz   NOT NULL DEFAULT now()
);

-- The derived features every reader (runs, rule segments, personas) uses, so each is defined once.
CREATE VIEW customer_feature_view AS
SELECT f.customer_id,
       f.first_paid_at,
       f.last_paid_at,
       f.paid_orders,
       f.gross_spend,
       f.refunded_amount,
       f.gross_spend - f.refunded_amount                                               AS net_spend,
       CASE WHEN f.paid_orders > 0 THEN round(f.gross_spend / f.paid_orders, 2) END   AS avg_order_value,
       -- Price sensitivity: the share of list value paid for by discounts.
       CASE WHEN f.gross_spend + f.discount_amount > 0
            THEN round(f.discount_amount / (f.gross_spend + f.discount_amount), 4) ELSE 0 END AS discount_share,
       -- Carts that never reached checkout, as a share of cart adds.
       CASE WHEN f.cart_adds > 0
            THEN round(greatest(f.cart_adds - f.checkouts, 0)::numeric / f.cart_adds, 4) ELSE 0 END AS cart_abandonment_rate,
       f.page_views, f.product_views, f.searches, f.clicks, f.favorites, f.cart_adds, f.cart_removes, f.checkouts,
       f.shares, f.coupon_claims, f.live_watches, f.recommendation_clicks,
       f.last_event_at,
       f.category_spend,
       f.channel_counts,
       f.hour_counts,
       (SELECT c.key FROM jsonb_each(f.channel_counts) c ORDER BY c.value::numeric DESC, c.key LIMIT 1) AS preferred_channel,
       (SELECT c.key FROM jsonb_each(f.category_spend) c ORDER BY c.value::numeric DESC, c.key LIMIT 1) AS top_category,
       a.gender,
       a.birth_date,
       a.city_tier,
       a.region,
       a.member_tier,
       a.registration_channel,
       a.registered_at,
       a.source_updated_at AS attributes_updated_at
FROM customer_feature f
LEFT JOIN customer_attributes a ON a.customer_id = f.customer_id;
