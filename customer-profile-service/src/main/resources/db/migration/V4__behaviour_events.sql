-- Behaviour events accepted through POST /events. event_id is the caller's idempotency key: a repeated event
-- is reported as a duplicate and published once.
CREATE TABLE behaviour_event (
    event_id          uuid         PRIMARY KEY,
    customer_id       text         NOT NULL,
    anonymous         boolean      NOT NULL,
    behaviour         text         NOT NULL CHECK (behaviour IN ('page_view', 'product_view', 'search', 'click',
                                       'favorite', 'add_to_cart', 'remove_from_cart', 'checkout', 'share',
                                       'coupon_claim', 'live_watch', 'recommendation_impression',
                                       'recommendation_click')),
    channel           text         NOT NULL CHECK (channel IN
                                       ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    item_id           text,
    category          text,
    campaign_id       text,
    recommendation_id text,
    occurred_at       timestamptz  NOT NULL,
    received_at       timestamptz  NOT NULL
);
CREATE INDEX behaviour_event_by_customer ON behaviour_event (customer_id, occurred_at);

-- Events of a visitor known only by an external id nobody has linked yet are kept under an anonymous id derived
-- from that id. When the id is linked to a customer, the events move to the customer ("stitching") and the
-- anonymous id is announced as merged into the customer. The row is locked by both sides, which serialises them.
CREATE TABLE anonymous_visitor (
    anonymous_id    text         PRIMARY KEY,
    identity_type   text         NOT NULL,
    identity_value  text         NOT NULL,
    first_seen_at   timestamptz  NOT NULL,
    last_seen_at    timestamptz  NOT NULL,
    stitched_to     text,
    UNIQUE (identity_type, identity_value)
);
