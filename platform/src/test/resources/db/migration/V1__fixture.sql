CREATE TABLE fixture_note (
    id          text        PRIMARY KEY,
    customer_id text        NOT NULL,
    body        text        NOT NULL CHECK (length(body) <= 20),
    created_at  timestamptz NOT NULL
);

-- What the fixture consumer accumulates from paid orders: one row per customer.
CREATE TABLE fixture_spend (
    customer_id text    PRIMARY KEY,
    paid_orders integer NOT NULL,
    net_spend   numeric(14, 2) NOT NULL
);
