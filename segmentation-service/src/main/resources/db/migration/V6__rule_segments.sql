-- Operators' rule segments: metadata plus the condition tree (JSON validated against
-- rules/rule-condition.schema.json by the service). Members are computed by each run and kept as customer tags
-- (segment:<id> = true), so the membership of a rule segment changes like every other: by diff, with events.
CREATE TABLE rule_segment (
    segment_id  text        PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    description text,
    condition   jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
