-- Synthetic catalogue and interactions for recommendation-service's serving benchmark (docs/benchmarks.md,
-- "recommendation-service: serving latency (issue 5)"). Fills item, interaction and customer_context for
-- :items items rb-i0 .. and :n customers rb-c0 .., directly in PostgreSQL with generate_series: fast and repeatable
-- (every value is a hash of the customer and interaction number, no random()). Times are relative to now(), because
-- serving decays weights and reads only the horizon before the request's own clock.
-- Only for a database of its own (it TRUNCATEs the tables it fills and the stored model runs and versions):
--   psql -h 127.0.0.1 -U postgres -d lodestar_recommendation_bench -v n=6000 -f bench/seed-recommendation.sql
-- The schema must exist (start recommendation-service once against the database: Flyway creates it).
-- Shape: :items items in 40 leaf categories under 8 roots, 60 brands, 25 % durable; each customer prefers two
-- categories (80 % of their interactions) and, within a category, items follow a skewed popularity (u^2), so the
-- models have real structure to learn. Interactions per customer: 10 + 370 * u^2 (mean about 133, a long tail of
-- heavy users), kinds about 55 % product_view, 12 % click, 5 % favorite, 12 % add_to_cart, 2 % remove_from_cart,
-- 2 % share, 11 % order (three lines per order id), 1 % refund; over the last 365 days.
-- For n = 6,000 and items = 3,000: about 800,000 interactions.
\set ON_ERROR_STOP on
\if :{?n}
\else
  \set n 6000
\endif
\if :{?items}
\else
  \set items 3000
\endif
\timing on

BEGIN;
TRUNCATE item, interaction, hidden_item, customer_context, customer_alias, erased_customer;
-- Earlier runs of a previous seed would otherwise stay active (and training would refuse nothing, but the bench
-- must measure the version trained on this seed). The tables exist from V2__model_runs_and_versions.sql.
TRUNCATE model_run, model_version CASCADE;

-- A mixing hash of (i, salt) into 0 .. 2^31-1 (the same on every run), as in seed-segmentation.sql.
CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, salt bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT ((((((i * 2654435761 + salt * 40503) % 2147483647) # 1431655765) * 48271) % 2147483647 # 715827882)
           * 69621) % 2147483647
$$;
-- The same hash as a uniform number in [0, 1).
CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT (pg_temp.h(i, salt) % 1000003) / 1000003.0
$$;

-- Items: item j is in leaf category j % 40 (so every category holds items/40 of them, numbered j / 40 within it).
INSERT INTO item (item_id, title, category_path, brand, price, currency, in_stock, launched_at, durability,
                  repurchase_days)
SELECT 'rb-i' || j,
       'Item ' || j,
       ARRAY[(ARRAY['apparel', 'beauty', 'electronics', 'home', 'food', 'baby', 'sports', 'books'])[1 + (j % 40) / 5],
             'cat-' || (j % 40)],
       'brand-' || pg_temp.h(j, 31) % 60,
       (5 + pg_temp.h(j, 32) % 50000 / 100.0)::numeric(14,2),
       'CNY',
       pg_temp.h(j, 33) % 100 >= 3,
       now() - make_interval(days => (pg_temp.h(j, 34) % 900)::int),
       CASE WHEN pg_temp.h(j, 35) % 100 < 25 THEN 'durable' ELSE 'consumable' END,
       CASE WHEN pg_temp.h(j, 36) % 100 < 50 THEN 14 + (pg_temp.h(j, 37) % 60)::int END
FROM generate_series(0, :items - 1) AS j;
COMMIT;

BEGIN;

-- Interactions: customer c's k-th. Category: one of the customer's two favourites 80 % of the time, else any;
-- item within it: index floor(perCategory * u^2) (skewed popularity).
INSERT INTO interaction (event_id, item_id, customer_id, kind, quantity, channel, order_id, occurred_at)
SELECT md5('rb-e' || c.i || '-' || k.k)::uuid,
       'rb-i' || (cat + 40 * floor((:items / 40) * pg_temp.u(c.i * 1000 + k.k, 42) ^ 2)::int),
       'rb-c' || c.i,
       kind,
       CASE WHEN kind = 'order' THEN 1 + (pg_temp.h(c.i * 1000 + k.k, 43) % 100 < 15)::int ELSE 1 END,
       (ARRAY['app', 'mini_program', 'web'])[1 + pg_temp.h(c.i * 1000 + k.k, 44) % 3],
       CASE WHEN kind IN ('order', 'refund') THEN 'rb-o' || c.i || '-' || k.k / 3 END,
       now() - make_interval(secs => pg_temp.h(c.i * 1000 + k.k, 45) % (365 * 86400))
FROM generate_series(0, :n - 1) AS c(i)
CROSS JOIN LATERAL generate_series(1, 10 + floor(370 * pg_temp.u(c.i, 40) ^ 2)::int) AS k(k)
CROSS JOIN LATERAL (SELECT
       CASE WHEN pg_temp.h(c.i * 1000 + k.k, 46) % 100 < 80
            THEN (CASE WHEN pg_temp.h(c.i * 1000 + k.k, 47) % 2 = 0 THEN pg_temp.h(c.i, 48) ELSE pg_temp.h(c.i, 49) END) % 40
            ELSE pg_temp.h(c.i * 1000 + k.k, 50) % 40 END AS cat,
       (SELECT CASE WHEN r < 55 THEN 'product_view' WHEN r < 67 THEN 'click' WHEN r < 72 THEN 'favorite'
                    WHEN r < 84 THEN 'add_to_cart' WHEN r < 86 THEN 'remove_from_cart' WHEN r < 88 THEN 'share'
                    WHEN r < 99 THEN 'order' ELSE 'refund' END
        FROM (SELECT pg_temp.h(c.i * 1000 + k.k, 51) % 100 AS r) d) AS kind) x
-- (event, item) is the key; the hash never repeats an event id, so nothing conflicts.
ON CONFLICT DO NOTHING;

-- Profiles for 90 % of the customers (region and birth date: the cold-start groups).
INSERT INTO customer_context (customer_id, region, birth_date, source_updated_at)
SELECT 'rb-c' || c.i,
       (ARRAY['east', 'north', 'south', 'west'])[1 + pg_temp.h(c.i, 60) % 4],
       DATE '1960-01-01' + (pg_temp.h(c.i, 61) % 16000)::int,
       now()
FROM generate_series(0, :n - 1) AS c(i)
WHERE pg_temp.h(c.i, 62) % 100 < 90;
COMMIT;

-- The service's Catalogue refreshes by updated_at with a margin of seconds, and updated_at defaults to the start of
-- the inserting transaction; touching the rows after the long insert makes the refresh see them all.
UPDATE item SET updated_at = now();

ANALYZE item;
ANALYZE interaction;
ANALYZE customer_context;
SELECT (SELECT count(*) FROM item) AS items, (SELECT count(DISTINCT customer_id) FROM interaction) AS customers,
       (SELECT count(*) FROM interaction) AS interactions,
       (SELECT count(*) FROM interaction WHERE kind = 'order') AS order_lines;
