-- Customer profiles: the attributes an app, mini-program or CRM tells us about a customer.
-- CHECK constraints mirror the Bean Validation annotations of UpsertCustomerRequest.
CREATE TABLE customer (
    customer_id          text         PRIMARY KEY CHECK (customer_id ~ '^[A-Za-z0-9._:@-]{1,64}$'),
    gender               text         CHECK (gender IN ('female', 'male', 'unknown')),
    birth_date           date         CHECK (birth_date >= DATE '1900-01-01'),
    city                 text         CHECK (length(city) <= 100),
    province             text         CHECK (length(province) <= 100),
    region               text         CHECK (length(region) <= 100),
    city_tier            text         CHECK (city_tier IN ('tier-1', 'new-tier-1', 'tier-2', 'tier-3-and-below')),
    occupation           text         CHECK (length(occupation) <= 100),
    income_band          text         CHECK (length(income_band) <= 50),
    registration_channel text         CHECK (registration_channel IN
                                         ('app', 'mini_program', 'h5', 'web', 'live_stream', 'community', 'offline')),
    registered_at        timestamptz,
    member_tier          text         NOT NULL DEFAULT 'normal' CHECK (member_tier IN ('normal', 'silver', 'gold')),
    points               bigint       NOT NULL DEFAULT 0 CHECK (points >= 0),
    time_zone            text,
    attributes           jsonb        NOT NULL DEFAULT '{}'::jsonb,
    status               text         NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'erased')),
    merged_into          text         REFERENCES customer (customer_id),
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CHECK ((status = 'merged') = (merged_into IS NOT NULL))
);

-- The listing filters (GET /customers) page by customer_id within each filter.
CREATE INDEX customer_by_city_tier ON customer (city_tier, customer_id);
CREATE INDEX customer_by_region ON customer (region, customer_id);
CREATE INDEX customer_by_member_tier ON customer (member_tier, customer_id);
CREATE INDEX customer_by_registration ON customer (registration_channel, customer_id);
CREATE INDEX customer_by_registered_at ON customer (registered_at);
CREATE INDEX customer_by_birth_date ON customer (birth_date);
