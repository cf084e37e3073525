-- The item catalogue and the interactions recommendation-service learns from (lodestar.customer-events.v1,
-- lodestar.orders.v1, lodestar.identity.v1, lodestar.customers.v1). Every consumer writes its rows in the
-- transaction that records the event id in processed_event, so a redelivered event changes nothing, and each row
-- has a natural key, so replaying the topics from the start rebuilds the same rows.

-- Items, from PUT /items/{itemId} and POST /items:batch, or created as stubs when an event or order names an item the
-- catalogue does not know yet (stub = true until the catalogue sends the item itself).
CREATE TABLE item (
    item_id         text          PRIMARY KEY,
    title           text,
    -- From the root to the leaf, e.g. {beauty, skincare, sunscreen}; the leaf is the item's category.
    category_path   text[]        NOT NULL DEFAULT '{}',
    category        text GENERATED ALWAYS AS (category_path[cardinality(category_path)]) STORED,
    brand           text,
    price           numeric(14,2) CHECK (price >= 0),
    currency        text          CHECK (currency ~ '^[A-Z]{3}$'),
    in_stock        boolean       NOT NULL DEFAULT true,
    launched_at     timestamptz,
    tags            text[]        NOT NULL DEFAULT '{}',
    -- A durable (a stroller) is not recommended again once bought; a consumable (formula) is, when it is due.
    durability      text          NOT NULL DEFAULT 'consumable' CHECK (durability IN ('durable', 'consumable')),
    -- Days after which a bought consumable is due again; null: the catalogue-wide default applies.
    repurchase_days integer       CHECK (repurchase_days > 0),
    -- Hidden by an operator: never recommended, whatever the models say.
    hidden          boolean       NOT NULL DEFAULT false,
    stub            boolean       NOT NULL DEFAULT false,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX item_by_category ON item (category);

-- One row per customer × item × source event. The kind (and quantity) is stored, not a weight: weights and time decay
-- are configuration applied when a model trains or serving builds a history, so changing them needs no replay.
-- Refunds and "not interested" are kinds with a negative weight.
CREATE TABLE interaction (
    event_id    uuid        NOT NULL,
    item_id     text        NOT NULL,
    customer_id text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('product_view', 'click', 'favorite', 'add_to_cart',
                                'remove_from_cart', 'share', 'recommendation_click', 'order', 'refund',
                                'not_interested')),
    quantity    integer     NOT NULL DEFAULT 1 CHECK (quantity > 0),
    channel     text,
    order_id    text,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, item_id)
);
CREATE INDEX interaction_by_customer ON interaction (customer_id, occurred_at DESC);
CREATE INDEX interaction_by_time ON interaction (occurred_at);

-- "Not interested": the customer asked not to see the item again (PUT /customers/{id}/hidden-items/{itemId}).
CREATE TABLE hidden_item (
    customer_id text        NOT NULL,
    item_id     text        NOT NULL,
    hidden_at   timestamptz NOT NULL,
    PRIMARY KEY (customer_id, item_id)
);

-- What cold start needs of a profile (lodestar.customers.v1, compacted: every record is a full snapshot).
CREATE TABLE customer_context (
    customer_id       text        PRIMARY KEY,
    region            text,
    -- The age band is derived when it is used: a stored band would go stale on birthdays.
    birth_date        date,
    source_updated_at timestamptz NOT NULL
);

-- Merged ids and their survivor: a late event about a merged id lands on the survivor.
CREATE TABLE customer_alias (
    alias_id    text        PRIMARY KEY,
    customer_id text        NOT NULL,
    merged_at   timestamptz NOT NULL
);

-- Erased customers: later events about them are dropped, so an erasure is not undone by a redelivered event.
CREATE TABLE erased_customer (
    customer_id text        PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);
