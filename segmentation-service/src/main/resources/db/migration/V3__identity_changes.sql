-- Merges and erasures from lodestar.identity.v1. A fact that arrives for a merged customer after the merge (Kafka
-- gives no order across topics) is re-keyed to the survivor through customer_alias; a fact about an erased customer
-- is dropped, so an erasure is never undone by a late event.
CREATE TABLE customer_alias (
    alias_id    text        PRIMARY KEY,
    customer_id text        NOT NULL,
    merged_at   timestamptz NOT NULL
);
CREATE INDEX customer_alias_by_customer ON customer_alias (customer_id);

CREATE TABLE erased_customer (
    customer_id text        PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);

-- Adds two JSON objects of numbers key by key ({"a":1} + {"a":2,"b":1} = {"a":3,"b":1}): how category spend,
-- channel counts and hour counts grow with each fact.
CREATE FUNCTION jsonb_sum(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
    FROM (SELECT key, sum(value::numeric) AS total
          FROM (SELECT * FROM jsonb_each_text(coalesce(a, '{}'::jsonb))
                UNION ALL
                SELECT * FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) parts
          GROUP BY key) sums
$$;
