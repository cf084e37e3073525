-- External identities of a customer (app user id, mini-program openid/unionid, WeCom id, CRM id, phone, e-mail).
-- Phone numbers and e-mails are stored only as HMAC-SHA256 keyed hashes (hex) of their normalised form.
CREATE TABLE customer_identity (
    identity_type   text         NOT NULL CHECK (identity_type IN ('app_user_id', 'mini_program_openid',
                                     'mini_program_unionid', 'wecom_id', 'crm_id', 'phone', 'email')),
    identity_value  text         NOT NULL CHECK (length(identity_value) BETWEEN 1 AND 128),
    customer_id     text         NOT NULL,
    source          text         CHECK (length(source) <= 64),
    linked_at       timestamptz  NOT NULL,
    PRIMARY KEY (identity_type, identity_value),
    CHECK (identity_type NOT IN ('phone', 'email') OR identity_value ~ '^[0-9a-f]{64}$')
);
CREATE INDEX customer_identity_by_customer ON customer_identity (customer_id);

-- One row per merged customer: makes POST /customers/merge idempotent and keeps its outcome.
CREATE TABLE customer_merge (
    merged_id          text         PRIMARY KEY,
    survivor_id        text         NOT NULL,
    merged_at          timestamptz  NOT NULL,
    identities_moved   integer      NOT NULL CHECK (identities_moved >= 0),
    orders_moved       integer      NOT NULL CHECK (orders_moved >= 0),
    events_moved       integer      NOT NULL CHECK (events_moved >= 0),
    CHECK (merged_id <> survivor_id)
);
CREATE INDEX customer_merge_by_survivor ON customer_merge (survivor_id);
