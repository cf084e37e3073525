-- Synthetic facts for segmentation-service's full-run benchmark (docs/benchmarks.md, "segmentation-service (issue 4)").
-- Fills the fact tables a run reads -- customer_feature, customer_attributes, paid_order, order_refund -- for N
-- customers seg-c0 .. seg-c<N-1>, directly in PostgreSQL with generate_series: fast and repeatable (every value is a
-- hash of the customer and order number, no random()), relative to a fixed instant so that two seeds are identical.
-- Only for a database of its own (it TRUNCATEs the fact tables and everything the runs derived from them):
--   psql -h 127.0.0.1 -U postgres -d lodestar_segmentation_bench -v n=100000 -f bench/seed-segmentation.sql
-- The schema must exist (start segmentation-service once against the database: Flyway creates it).
-- Shape, per customer: 0-7 paid orders (about 12 % never paid), over the 730 days before :'asof', amounts
-- 20-1,020; about 6 % of the orders refunded in part; aggregates in customer_feature consistent with the orders;
-- a profile in customer_attributes. For N = 1,000,000: about 3.3 M orders, 0.2 M refunds.
\set ON_ERROR_STOP on
\if :{?n}
\else
  \set n 100000
\endif
\if :{?asof}
\else
  \set asof '2026-12-01T00:00:00Z'
\endif
\timing on

BEGIN;
TRUNCATE customer_feature, customer_attributes, paid_order, paid_order_category, order_refund, behaviour_event,
         customer_tag, tag_version, rfm_score, customer_assignment, segmentation_run;

-- A mixing hash of (customer, salt) into 0 .. 2^31-1 (the same on every run).
CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, salt bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT ((((((i * 2654435761 + salt * 40503) % 2147483647) # 1431655765) * 48271) % 2147483647 # 715827882)
           * 69621) % 2147483647
$$;

-- Paid orders: customer i has h(i,1) % 8 orders when h(i,2) % 100 >= 12, else none (a prospect).
INSERT INTO paid_order (order_id, customer_id, paid_at, paid_amount, discount_amount, channel)
SELECT 'seg-o' || c.i || '-' || o.k,
       'seg-c' || c.i,
       :'asof'::timestamptz - make_interval(secs => (pg_temp.h(c.i * 8 + o.k, 3) % (730 * 86400))),
       (20 + pg_temp.h(c.i * 8 + o.k, 4) % 100000 / 100.0)::numeric(14,2),
       (pg_temp.h(c.i * 8 + o.k, 5) % 2000 / 100.0)::numeric(14,2),
       (ARRAY['app', 'mini_program', 'web'])[1 + pg_temp.h(c.i * 8 + o.k, 6) % 3]
FROM generate_series(0, :n - 1) AS c(i)
CROSS JOIN LATERAL generate_series(1, CASE WHEN pg_temp.h(c.i, 2) % 100 < 12 THEN 0
                                           ELSE 1 + pg_temp.h(c.i, 1) % 7 END) AS o(k);

-- Refunds: about 6 % of the orders, a part of the amount, some days after payment (never after :'asof').
INSERT INTO order_refund (refund_id, order_id, customer_id, refunded_at, amount)
SELECT md5(p.order_id)::uuid, p.order_id, p.customer_id,
       least(p.paid_at + make_interval(days => 1 + (pg_temp.h(length(p.order_id) + hashtext(p.order_id), 7) % 20)::int),
             :'asof'::timestamptz),
       round(p.paid_amount * (10 + abs(hashtext(p.order_id || 'r')) % 90) / 100.0, 2)
FROM paid_order p
WHERE abs(hashtext(p.order_id)) % 100 < 6;

-- Lifetime aggregates (what the consumers would have kept), every customer, with or without orders.
INSERT INTO customer_feature (customer_id, first_paid_at, last_paid_at, paid_orders, gross_spend, refunded_amount,
                              discount_amount, page_views, product_views, clicks, favorites, cart_adds, checkouts,
                              last_event_at, category_spend, channel_counts, updated_at)
SELECT 'seg-c' || c.i, o.first_paid, o.last_paid, coalesce(o.orders, 0), coalesce(o.gross, 0), coalesce(r.refunded, 0),
       coalesce(o.discount, 0),
       (pg_temp.h(c.i, 10) % 200)::int, (pg_temp.h(c.i, 11) % 120)::int, (pg_temp.h(c.i, 12) % 80)::int,
       (pg_temp.h(c.i, 13) % 15)::int, (pg_temp.h(c.i, 14) % 30)::int, coalesce(o.orders, 0),
       :'asof'::timestamptz - make_interval(secs => pg_temp.h(c.i, 15) % (365 * 86400)),
       CASE WHEN o.orders IS NULL THEN '{}'::jsonb
            ELSE jsonb_build_object((ARRAY['apparel', 'beauty', 'electronics', 'home', 'food'])[1 + pg_temp.h(c.i, 16) % 5],
                                    o.gross) END,
       jsonb_build_object('app', pg_temp.h(c.i, 17) % 50, 'web', pg_temp.h(c.i, 18) % 20),
       :'asof'::timestamptz
FROM generate_series(0, :n - 1) AS c(i)
LEFT JOIN (SELECT customer_id, min(paid_at) AS first_paid, max(paid_at) AS last_paid, count(*) AS orders,
                  sum(paid_amount) AS gross, sum(discount_amount) AS discount
           FROM paid_order GROUP BY customer_id) o ON o.customer_id = 'seg-c' || c.i
LEFT JOIN (SELECT customer_id, sum(amount) AS refunded FROM order_refund GROUP BY customer_id) r
       ON r.customer_id = 'seg-c' || c.i;

INSERT INTO customer_attributes (customer_id, gender, birth_date, city_tier, region, member_tier, registration_channel,
                                 registered_at, source_updated_at)
SELECT 'seg-c' || c.i,
       (ARRAY['female', 'male'])[1 + pg_temp.h(c.i, 20) % 2],
       DATE '1960-01-01' + (pg_temp.h(c.i, 21) % 16000)::int,
       (ARRAY['tier-1', 'new-tier-1', 'tier-2', 'tier-3-and-below'])[1 + pg_temp.h(c.i, 22) % 4],
       (ARRAY['east', 'north', 'south', 'west'])[1 + pg_temp.h(c.i, 23) % 4],
       (ARRAY['normal', 'normal', 'normal', 'silver', 'gold'])[1 + pg_temp.h(c.i, 24) % 5],
       (ARRAY['app', 'mini_program', 'web'])[1 + pg_temp.h(c.i, 25) % 3],
       :'asof'::timestamptz - make_interval(days => 731 + (pg_temp.h(c.i, 26) % 1000)::int),
       :'asof'::timestamptz
FROM generate_series(0, :n - 1) AS c(i);
COMMIT;

VACUUM ANALYZE customer_feature, customer_attributes, paid_order, order_refund, customer_tag;
SELECT (SELECT count(*) FROM customer_feature) AS customers, (SELECT count(*) FROM paid_order) AS paid_orders,
       (SELECT count(*) FROM order_refund) AS refunds,
       (SELECT count(*) FROM customer_feature WHERE paid_orders = 0) AS never_paid;
