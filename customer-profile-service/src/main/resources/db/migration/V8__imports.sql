-- Bulk imports (issue 3): one row per uploaded file and its job; the rejected-rows report is kept beside it so
-- that any replica can serve it and it outlives the job's working files.
CREATE TABLE import_job (
    import_id          uuid         PRIMARY KEY,
    kind               text         NOT NULL CHECK (kind IN ('customers', 'order_lines')),
    status             text         NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    file_name          text         CHECK (char_length(file_name) <= 255),
    file_bytes         bigint       NOT NULL CHECK (file_bytes >= 0),
    -- the column mapping and cleaning options as submitted (ColumnMapping, OutlierRule)
    settings           jsonb        NOT NULL,
    submitted_by       text         CHECK (char_length(submitted_by) <= 200),
    submitted_at       timestamptz  NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz,
    -- the replica holding a queued or running job renews this; a job whose heartbeat stops is failed as interrupted
    heartbeat_at       timestamptz  NOT NULL,
    progress_percent   numeric(5, 2) NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    rows_read          bigint       NOT NULL DEFAULT 0,
    rows_accepted      bigint       NOT NULL DEFAULT 0,
    rows_rejected      bigint       NOT NULL DEFAULT 0,
    rows_duplicate     bigint       NOT NULL DEFAULT 0,
    -- what the accepted rows became (ImportResults), and the cleaning decisions with the flagged spend outliers
    -- (CleaningSummary); JSON objects, as Hibernate Reactive reads jsonb as an object
    results            jsonb        NOT NULL DEFAULT '{}'::jsonb,
    cleaning           jsonb        NOT NULL DEFAULT '{}'::jsonb,
    error              text,
    CHECK (rows_read = rows_accepted + rows_rejected + rows_duplicate),
    CHECK ((status IN ('queued')) = (started_at IS NULL)),
    CHECK ((status IN ('succeeded', 'failed')) = (finished_at IS NOT NULL))
);

CREATE INDEX import_job_newest_first ON import_job (submitted_at DESC, import_id DESC);
CREATE INDEX import_job_unfinished ON import_job (heartbeat_at) WHERE status IN ('queued', 'running');

-- The rejected-rows report (CSV, gzip-compressed), written when the job finishes.
CREATE TABLE import_report (
    import_id  uuid  PRIMARY KEY REFERENCES import_job (import_id),
    csv_gzip   bytea NOT NULL,
    lines      bigint NOT NULL CHECK (lines >= 0)
);

-- Wholesale orders are long: the largest invoice of the UCI Online Retail data set has 1,114 lines. Orders and
-- refunds now take up to 2,000 lines (PlaceOrderRequest, RecordRefundRequest).
ALTER TABLE order_item DROP CONSTRAINT order_item_line_no_check;
ALTER TABLE order_item ADD CONSTRAINT order_item_line_no_check CHECK (line_no BETWEEN 0 AND 1999);
ALTER TABLE order_refund_item DROP CONSTRAINT order_refund_item_line_no_check;
ALTER TABLE order_refund_item ADD CONSTRAINT order_refund_item_line_no_check CHECK (line_no BETWEEN 0 AND 1999);
