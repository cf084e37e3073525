-- Trend detection's heat aggregation (io.lodestar.recommendation.trend.TrendRepository#heat) on 1,000,000 generated
-- interactions over 48 h and 10,000 items, in a scratch database (the tables are the V1 columns the query reads):
--   DB=trend_bench_$$; psql -h 127.0.0.1 -U postgres -qc "create database $DB" postgres
--   psql -h 127.0.0.1 -U postgres -f bench/trend-heat.sql $DB; psql -h 127.0.0.1 -U postgres -qc "drop database $DB" postgres
\timing on
CREATE TABLE item (item_id text PRIMARY KEY, category_path text[] NOT NULL DEFAULT '{}',
  category text GENERATED ALWAYS AS (category_path[cardinality(category_path)]) STORED);
CREATE TABLE interaction (event_id uuid NOT NULL, item_id text NOT NULL, customer_id text NOT NULL, kind text NOT NULL,
  quantity integer NOT NULL DEFAULT 1, channel text, order_id text, occurred_at timestamptz NOT NULL, PRIMARY KEY (event_id, item_id));
CREATE INDEX interaction_by_time ON interaction (occurred_at);
INSERT INTO item (item_id, category_path) SELECT 'sku-' || i, ARRAY['cat-' || (i % 50)] FROM generate_series(1, 10000) i;
-- 1,000,000 interactions over the last 48 h: 80 % views, 15 % carts, 5 % orders, Zipf-like item skew
INSERT INTO interaction (event_id, item_id, customer_id, kind, occurred_at)
SELECT gen_random_uuid(), 'sku-' || (1 + floor(10000 * power(random(), 3)))::int, 'c-' || (g % 50000),
       CASE WHEN r < 0.80 THEN 'product_view' WHEN r < 0.95 THEN 'add_to_cart' ELSE 'order' END,
       now() - random() * interval '48 hours'
FROM (SELECT g, random() AS r FROM generate_series(1, 1000000) g) s;
ANALYZE;
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF)
SELECT i.item_id, it.category,
       count(*) FILTER (WHERE i.kind = 'product_view' AND i.occurred_at > now() - interval '24 hours'),
       count(*) FILTER (WHERE i.kind = 'add_to_cart' AND i.occurred_at > now() - interval '24 hours'),
       count(*) FILTER (WHERE i.kind = 'order' AND i.occurred_at > now() - interval '24 hours'),
       count(*) FILTER (WHERE i.kind = 'product_view' AND i.occurred_at <= now() - interval '24 hours'),
       count(*) FILTER (WHERE i.kind = 'add_to_cart' AND i.occurred_at <= now() - interval '24 hours'),
       count(*) FILTER (WHERE i.kind = 'order' AND i.occurred_at <= now() - interval '24 hours')
FROM interaction i LEFT JOIN item it ON it.item_id = i.item_id
WHERE i.kind IN ('product_view', 'add_to_cart', 'order')
  AND i.occurred_at > now() - interval '48 hours' AND i.occurred_at <= now()
GROUP BY i.item_id, it.category
HAVING count(*) FILTER (WHERE i.occurred_at > now() - interval '24 hours') > 0;
