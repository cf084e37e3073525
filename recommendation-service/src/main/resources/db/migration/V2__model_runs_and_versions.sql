-- Training runs and the model versions they produce. A version is every model trained on one snapshot of the
-- interactions, sharing one item dictionary (item_index → item_id), stored as plain numbers: factors, neighbour lists,
-- rankings and rules, never serialised objects. Serving loads the active version at start-up and swaps to a new one
-- atomically when a run activates it.

CREATE TABLE model_run (
    run_id        uuid        PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    trigger       text        NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    heartbeat_at  timestamptz NOT NULL,
    progress      integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    phase         text,
    -- {"load": 1234, "item-cf": 567, ...}: milliseconds per finished phase.
    phase_millis  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- What each model reported: sizes, loss per iteration, rule counts.
    report        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    error         text,
    version       bigint
);
-- At most one run at a time, across replicas: a second start conflicts here (409).
CREATE UNIQUE INDEX model_run_one_running ON model_run ((true)) WHERE status = 'running';
CREATE INDEX model_run_by_start ON model_run (started_at DESC);

CREATE TABLE model_version (
    version      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       uuid        NOT NULL REFERENCES model_run (run_id),
    trained_at   timestamptz NOT NULL,
    customers    integer     NOT NULL,
    interactions integer     NOT NULL,
    -- The item dictionary: item_ids[i + 1] is item index i (PostgreSQL arrays start at 1).
    item_ids     text[]      NOT NULL,
    -- What restoring the models needs besides their numbers, e.g. {"als": {"rank": 64, "regularization": 0.1, ...}}.
    parameters   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    activated_at timestamptz
);

-- Per item of a version, one numeric vector per model: ALS factors (values only), item-CF neighbours (indices and
-- similarities), content neighbours for cold items.
CREATE TABLE model_item_vector (
    version    bigint  NOT NULL REFERENCES model_version (version) ON DELETE CASCADE,
    model      text    NOT NULL,
    item_index integer NOT NULL,
    indices    integer[],
    vals       real[]  NOT NULL,
    PRIMARY KEY (version, model, item_index)
);

-- Ranked item lists of a version: popularity global / per category / per segment / per region / per age band,
-- trending. scope_key is '' for the global list.
CREATE TABLE model_ranking (
    version   bigint    NOT NULL REFERENCES model_version (version) ON DELETE CASCADE,
    scope     text      NOT NULL,
    scope_key text      NOT NULL,
    items     integer[] NOT NULL,
    scores    real[]    NOT NULL,
    PRIMARY KEY (version, scope, scope_key)
);

-- Association rules (FP-growth over baskets) of a version, in item ids so that GET /rules reads them directly.
CREATE TABLE association_rule (
    version    bigint           NOT NULL REFERENCES model_version (version) ON DELETE CASCADE,
    rule_no    integer          NOT NULL,
    antecedent text[]           NOT NULL,
    consequent text[]           NOT NULL,
    support    double precision NOT NULL,
    confidence double precision NOT NULL,
    lift       double precision NOT NULL,
    baskets    integer          NOT NULL,
    PRIMARY KEY (version, rule_no)
);

-- Sequential rules "bought A, then B within D days" of a version.
CREATE TABLE sequential_rule (
    version     bigint           NOT NULL REFERENCES model_version (version) ON DELETE CASCADE,
    antecedent  text             NOT NULL,
    consequent  text             NOT NULL,
    customers   integer          NOT NULL,
    support     double precision NOT NULL,
    confidence  double precision NOT NULL,
    lift        double precision NOT NULL,
    median_days double precision,
    PRIMARY KEY (version, antecedent, consequent)
);
