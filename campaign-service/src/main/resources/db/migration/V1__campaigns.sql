-- campaign-service's own data. Contacts come from lodestar.customers.v1 (consent, time zone) and lodestar.identity.v1
-- (erasure); messages go out through the platform outbox to lodestar.campaign-dispatch.v1 and come back as feedback
-- (lodestar.campaign-feedback.v1); orders (lodestar.orders.v1) are attributed. Every consumer writes its rows in the
-- transaction that records the event id in processed_event, so a redelivered event changes nothing.

-- Campaigns as operators define them. The definition (audience, channels, content, offer, schedule, window, journey) is
-- one validated JSON document: it is read and written whole, and only the columns below are queried.
CREATE TABLE campaign (
    campaign_id    text        PRIMARY KEY,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind           text        NOT NULL CHECK (kind IN ('broadcast', 'journey')),
    status         text        NOT NULL CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'completed',
                                   'cancelled')),
    -- Why the campaign is paused (an operator's pause, or "segmentation-service unreachable: ..."); null otherwise.
    status_reason  text,
    owner          text        NOT NULL,
    definition     jsonb       NOT NULL,
    -- The next time a broadcast run starts (its schedule); null when nothing is due.
    next_run_at    timestamptz,
    runs_started   integer     NOT NULL DEFAULT 0,
    -- Running totals against the budgets, added to in the transaction of each batch of messages (so a page need not
    -- sum the campaign's messages): message cost of dispatched and held messages, face value of coupons issued.
    spent          numeric(16,4) NOT NULL DEFAULT 0,
    coupons_issued_value numeric(16,2) NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    version        integer     NOT NULL DEFAULT 0
);
CREATE INDEX campaign_due ON campaign (next_run_at) WHERE status = 'scheduled' OR status = 'running';

-- One dispatch of a broadcast campaign (a recurring campaign has one per occurrence). Its audience is snapshotted into
-- audience_member first, then dispatched page by page in customer-id order; the cursor commits with each page, so a
-- restarted service resumes after the last committed page and the idempotency key of message stops any resend.
CREATE TABLE campaign_run (
    run_id          uuid        PRIMARY KEY,
    campaign_id     text        NOT NULL REFERENCES campaign (campaign_id),
    occurrence      integer     NOT NULL,
    phase           text        NOT NULL CHECK (phase IN ('snapshotting', 'dispatching', 'done')),
    -- The segment page token of the snapshot in progress (segment index and segmentation cursor), as JSON.
    snapshot_cursor jsonb,
    dispatch_cursor text,
    targeted        integer     NOT NULL DEFAULT 0,
    dispatched      integer     NOT NULL DEFAULT 0,
    held            integer     NOT NULL DEFAULT 0,
    skipped         integer     NOT NULL DEFAULT 0,
    started_at      timestamptz NOT NULL,
    snapshot_at     timestamptz,
    finished_at     timestamptz,
    UNIQUE (campaign_id, occurrence)
);

-- The audience of a run as it was when the run started: the report of a run can always be reproduced. grp is the
-- experiment group: a variant name, 'control' (not messaged, to measure lift) or 'holdout' (the global holdout).
CREATE TABLE audience_member (
    run_id      uuid NOT NULL REFERENCES campaign_run (run_id),
    customer_id text NOT NULL,
    grp         text NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);

-- Each customer a campaign targeted (broadcast member or journey entrant), the group they were assigned to, and
-- whether they converted (a paid order within the attribution window of being targeted): the experiment's unit.
CREATE TABLE assignment (
    campaign_id    text          NOT NULL REFERENCES campaign (campaign_id),
    customer_id    text          NOT NULL,
    grp            text          NOT NULL,
    targeted_at    timestamptz   NOT NULL,
    converted_at   timestamptz,
    order_id       text,
    revenue        numeric(14,2),
    PRIMARY KEY (campaign_id, customer_id)
);
CREATE INDEX assignment_by_customer ON assignment (customer_id, targeted_at DESC);

-- What campaigns need of a profile: consent per channel with its time (a newer unsubscribe beats an older snapshot),
-- the time zone of send windows and caps, and the few attributes templates and journey conditions use.
CREATE TABLE contact (
    customer_id       text        PRIMARY KEY,
    time_zone         text        NOT NULL DEFAULT 'UTC',
    display_name      text,
    member_tier       text,
    birth_date        date,
    -- {"sms": {"granted": true, "updatedAt": "..."}, ...}
    consents          jsonb       NOT NULL DEFAULT '{}',
    paid_orders       integer     NOT NULL DEFAULT 0,
    first_paid_at     timestamptz,
    last_paid_at      timestamptz,
    source_updated_at timestamptz
);

-- Every message a campaign decided about, one per (campaign, step, customer): the idempotency key, so that a retry,
-- a redelivered trigger or a restarted dispatch never sends twice. The message id is a name-based UUID of that key
-- (dispatch.Delivery), so the primary key enforces it without a second unique index on the text. status: dispatched (handed to the gateways through
-- the outbox), held (outside the customer's send window; released when it opens), skipped (no consented channel, or
-- capped; the reason says which), withdrawn (consent was withdrawn while it was held).
CREATE TABLE message (
    message_id           uuid          PRIMARY KEY,
    idempotency_key      text          NOT NULL,
    campaign_id          text          NOT NULL REFERENCES campaign (campaign_id),
    run_id               uuid,
    journey_instance_id  uuid,
    step_id              text          NOT NULL,
    customer_id          text          NOT NULL,
    grp                  text          NOT NULL,
    channel              text,
    status               text          NOT NULL CHECK (status IN ('dispatched', 'held', 'skipped', 'withdrawn')),
    skip_reason          text,
    template             text          NOT NULL,
    with_offer           boolean       NOT NULL DEFAULT false,
    content              text,
    coupon_code          text,
    recommended_item_ids text[],
    recommendations_fallback boolean   NOT NULL DEFAULT false,
    cost                 numeric(12,4) NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL,
    release_at           timestamptz,
    dispatched_at        timestamptz,
    delivered_at         timestamptz,
    opened_at            timestamptz,
    clicked_at           timestamptz,
    bounced_at           timestamptz,
    unsubscribed_at      timestamptz,
    added_to_cart_at     timestamptz
);
CREATE INDEX message_by_campaign ON message (campaign_id, grp, channel);
CREATE INDEX message_touches ON message (customer_id, dispatched_at DESC) WHERE status = 'dispatched';
CREATE INDEX message_held ON message (release_at) WHERE status = 'held';
CREATE INDEX message_held_by_campaign ON message (campaign_id) WHERE status = 'held';

-- Messages counted against frequency caps, per customer, channel and calendar day in the customer's time zone (weeks
-- are summed from days). Transactional messages are not counted.
CREATE TABLE send_counter (
    customer_id text    NOT NULL,
    channel     text    NOT NULL,
    local_day   date    NOT NULL,
    sent        integer NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (customer_id, channel, local_day)
);

-- Coupons issued by campaigns, within the offer's budget and per-customer limit; redeemed by a paid order naming them.
CREATE TABLE coupon (
    code              text          PRIMARY KEY,
    campaign_id       text          NOT NULL REFERENCES campaign (campaign_id),
    customer_id       text          NOT NULL,
    face_value        numeric(14,2) NOT NULL CHECK (face_value >= 0),
    issued_at         timestamptz   NOT NULL,
    valid_until       timestamptz   NOT NULL,
    redeemed_order_id text,
    redeemed_at       timestamptz,
    discount_amount   numeric(14,2)
);
CREATE INDEX coupon_by_campaign ON coupon (campaign_id, customer_id);

-- A journey per customer: where they are, since when, and when to look again. One live instance per campaign and
-- customer; steps already executed are recorded in journey_step so that no step runs twice, whatever restarts.
CREATE TABLE journey_instance (
    instance_id     uuid        PRIMARY KEY,
    campaign_id     text        NOT NULL REFERENCES campaign (campaign_id),
    customer_id     text        NOT NULL,
    grp             text        NOT NULL,
    step_id         text,
    status          text        NOT NULL CHECK (status IN ('pending', 'active', 'waiting', 'completed', 'exited',
                                    'cancelled')),
    wake_at         timestamptz,
    step_started_at timestamptz NOT NULL,
    entered_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    exit_reason     text,
    -- Events seen since the current step started (journey event wire names).
    events          text[]      NOT NULL DEFAULT '{}',
    -- A worker that took the instance holds it until then; another may take it after (a crashed worker).
    claimed_until   timestamptz,
    version         integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX journey_live ON journey_instance (campaign_id, customer_id)
    WHERE status IN ('pending', 'active', 'waiting');
CREATE INDEX journey_due ON journey_instance (wake_at) WHERE status IN ('pending', 'active', 'waiting');
CREATE INDEX journey_by_customer ON journey_instance (customer_id) WHERE status IN ('pending', 'active', 'waiting');

CREATE TABLE journey_step (
    instance_id uuid        NOT NULL REFERENCES journey_instance (instance_id),
    step_id     text        NOT NULL,
    executed_at timestamptz NOT NULL,
    PRIMARY KEY (instance_id, step_id)
);

-- Orders attributed to a campaign message: the last touch within the campaign's attribution window (see
-- attribution.AttributionRule for the rule when several campaigns touched the customer).
CREATE TABLE attribution (
    order_id    text          PRIMARY KEY,
    campaign_id text          NOT NULL REFERENCES campaign (campaign_id),
    message_id  uuid          NOT NULL,
    customer_id text          NOT NULL,
    grp         text          NOT NULL,
    channel     text          NOT NULL,
    rule        text          NOT NULL,
    revenue     numeric(14,2) NOT NULL,
    currency    text          NOT NULL,
    paid_at     timestamptz   NOT NULL,
    refunded    numeric(14,2) NOT NULL DEFAULT 0
);
CREATE INDEX attribution_by_campaign ON attribution (campaign_id);
