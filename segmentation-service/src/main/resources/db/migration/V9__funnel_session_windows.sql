-- The funnel counts a customer once per step per session window (lodestar.traffic.funnel-session-window, P1D by
-- default, a whole number of windows per UTC day) x channel x category: the day column becomes the start of the
-- window. A stored day is the window of P1D that starts at its UTC midnight, so the rows keep their meaning.
ALTER TABLE funnel_reach RENAME COLUMN day TO window_start;
ALTER TABLE funnel_reach ALTER COLUMN window_start TYPE timestamptz USING window_start::timestamp AT TIME ZONE 'UTC';
COMMENT ON COLUMN funnel_reach.window_start IS 'start of the session window (UTC); reads roll windows up to UTC days';

-- A merge or an erasure moves one customer's funnel rows; the primary key leads with the window, so find them by id.
CREATE INDEX funnel_reach_by_customer ON funnel_reach (customer_id);
