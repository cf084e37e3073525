-- Named RFM models (operators manage them), the runs that score every customer, and the tags each customer
-- carries as a result. customer_tag is the truth that Redis caches: the segment-tags endpoint falls back to it
-- when Redis is away, and each run diffs against it to publish only the memberships that changed.

CREATE TABLE rfm_model (
    model_id   text        PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    scheme     text        NOT NULL CHECK (scheme IN ('threshold', 'quintile')),
    -- The whole definition as the API takes it (thresholds, High/Low cuts, window, asOf), validated by the service.
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Their scores are in rfm_score (V2), replaced by each run.

CREATE TABLE segmentation_run (
    run_id        uuid        PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    trigger       text        NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
    as_of         timestamptz NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    heartbeat_at  timestamptz NOT NULL,
    progress      integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    phase         text,
    -- {"features": 1234, "rfm": 567, ...}: milliseconds per finished phase.
    phase_millis  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error         text,
    -- Per tag kind, {"value": count} after the run, and the transitions {"from -> to": count} from the last run.
    distribution  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    transitions   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    tags_version  bigint,
    customers     integer
);
-- At most one run at a time, across replicas: a second start conflicts here (409).
CREATE UNIQUE INDEX segmentation_run_one_running ON segmentation_run ((true)) WHERE status = 'running';
CREATE INDEX segmentation_run_by_start ON segmentation_run (started_at DESC);

-- A customer's current tags: (rfm:<modelId>, important-value), (rfm:<modelId>:code, HLH), (lifecycle, at_risk)…
CREATE TABLE customer_tag (
    customer_id text        NOT NULL,
    tag         text        NOT NULL,
    value       text        NOT NULL,
    since       timestamptz NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tag_by_value ON customer_tag (tag, value);

-- The Redis version that holds the tags of the last successful run (one row).
CREATE TABLE tag_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);
