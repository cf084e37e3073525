-- Contacts for bench/run-campaign.sh (campaign-service's own database): :n customers bench-c0000000..., as the profile
-- topic would leave them. Time zones: 70 % Asia/Shanghai, 20 % Europe/Berlin, 10 % America/Los_Angeles, so that at
-- most hours of the day part of the audience is outside the 09:00-21:00 window (quiet hours: held). Consent: 85 %
-- app_push and sms, 10 % sms only, 5 % none (skipped). 10 % already got an app_push message today (capped on app_push:
-- they fall back to sms). Replaces what a previous seed left.
TRUNCATE contact, send_counter, message, audience_member, assignment, campaign_run, coupon, journey_step,
    journey_instance, attribution, campaign, outbox_message CASCADE;

INSERT INTO contact (customer_id, time_zone, display_name, consents, source_updated_at)
SELECT 'bench-c' || lpad(i::text, 7, '0'),
       CASE WHEN i % 10 < 7 THEN 'Asia/Shanghai' WHEN i % 10 < 9 THEN 'Europe/Berlin' ELSE 'America/Los_Angeles' END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'Customer ' || i END,
       CASE WHEN i % 20 = 19 THEN '{}'::jsonb
            WHEN i % 20 >= 17 THEN '{"sms": {"granted": true, "updatedAt": "2026-01-01T00:00:00Z"}}'::jsonb
            ELSE '{"app_push": {"granted": true, "updatedAt": "2026-01-01T00:00:00Z"},
                   "sms": {"granted": true, "updatedAt": "2026-01-01T00:00:00Z"}}'::jsonb END,
       now()
FROM generate_series(0, :n - 1) AS i;

INSERT INTO send_counter (customer_id, channel, local_day, sent)
SELECT 'bench-c' || lpad(i::text, 7, '0'), 'app_push',
       (now() AT TIME ZONE CASE WHEN i % 10 < 7 THEN 'Asia/Shanghai' WHEN i % 10 < 9 THEN 'Europe/Berlin'
                                ELSE 'America/Los_Angeles' END)::date, 1
FROM generate_series(0, :n - 1) AS i WHERE i % 10 = 3;
ANALYZE;
