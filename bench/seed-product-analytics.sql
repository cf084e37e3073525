-- Product analytics benchmark data (docs/benchmarks.md): :items catalogue items in 200 leaf categories, 70 % with a
-- cost and 60 % with a stock quantity, and product_daily figures for each of them on each of the last :days days
-- (fixed seed, so every run measures the same data). Run against a database a recommendation-service has migrated:
--   psql -h 127.0.0.1 -U postgres -d <db> -v items=10000 -v days=90 -f bench/seed-product-analytics.sql
SELECT setseed(0.42);
TRUNCATE product_daily;
DELETE FROM item WHERE item_id LIKE 'pa-%';
INSERT INTO item (item_id, title, category_path, price, currency, in_stock, launched_at, cost, stock_quantity)
SELECT 'pa-' || lpad(i::text, 6, '0'), 'Item ' || i, ARRAY['shop', 'cat-' || (i % 200)],
       round((5 + random() * 195)::numeric, 2), 'EUR', true, now() - interval '400 days',
       CASE WHEN random() < 0.7 THEN round((2 + random() * 60)::numeric, 2) END,
       CASE WHEN random() < 0.6 THEN (random() * 500)::int END
FROM generate_series(1, :items) AS i;
INSERT INTO product_daily (item_id, day, views, clicks, add_to_carts, rec_impressions, rec_clicks, orders, units,
                           revenue, refunds, refunded_units, refund_amount)
SELECT item_id, day, views, views / 10, views / 8, views * 2, views / 20, orders, orders + orders / 3,
       round((orders * (5 + random() * 100))::numeric, 2), orders / 20, orders / 20, 0
FROM (SELECT i.item_id, d::date AS day, (random() * 60)::int AS views, (random() * 4)::int AS orders
      FROM item i CROSS JOIN generate_series(current_date - (:days - 1), current_date, interval '1 day') AS d
      WHERE i.item_id LIKE 'pa-%') AS f;
ANALYZE item;
ANALYZE product_daily;
