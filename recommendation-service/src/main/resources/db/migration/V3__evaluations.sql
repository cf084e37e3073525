-- Offline evaluations (POST /evaluations): a job that splits the stored interactions, trains every model on the
-- training part and measures it on the test part, next to the popularity and random baselines.

CREATE TABLE evaluation (
    evaluation_id uuid        PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    -- The request with its defaults filled in: {"split": "time", "testDays": 30, "ks": [10, 20]}.
    request       jsonb       NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    heartbeat_at  timestamptz NOT NULL,
    progress      integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    phase         text,
    -- {"load": 120, "split": 30, "evaluate": 5400}: milliseconds per finished phase.
    phase_millis  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- {"weightedAsOf": ..., "split": {...}, "models": [{"model": "item-cf", "metrics": [{"k": 10, ...}], ...}]}
    result        jsonb,
    error         text
);
-- At most one evaluation at a time, across replicas (it trains every model, as a training run does): a second start
-- conflicts here (409).
CREATE UNIQUE INDEX evaluation_one_running ON evaluation ((true)) WHERE status = 'running';
CREATE INDEX evaluation_by_start ON evaluation (started_at DESC);
