package io.lodestar.campaign.journey;

import static io.lodestar.platform.persistence.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lodestar.contracts.WireNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code journey_instance} and {@code journey_step}. */
@ApplicationScoped
public class JourneyRepository {

    private static final String COLUMNS = """
            instance_id, campaign_id, customer_id, grp, step_id, status, wake_at, step_started_at, entered_at,
            exit_reason, events, version""";

    /** Starts an instance unless the customer is already live in this journey; true if it started. */
    public Uni<Boolean> insert(SqlClient client, UUID id, String campaignId, String customerId, String group,
                               JourneyState state, Instant now) {
        return client.preparedQuery("""
                INSERT INTO journey_instance (instance_id, campaign_id, customer_id, grp, step_id, status, wake_at,
                    step_started_at, entered_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (campaign_id, customer_id) WHERE status IN ('pending', 'active', 'waiting') DO NOTHING""")
                .execute(Tuple.tuple(java.util.Arrays.asList(id, campaignId, customerId, group, state.stepId(),
                        wire(state.status()), utc(state.wakeAt() == null ? now : state.wakeAt()),
                        utc(state.stepStartedAt() == null ? now : state.stepStartedAt()), utc(now))))
                .map(rows -> rows.rowCount() == 1);
    }

    /** When the customer last entered this journey, if ever (re-entry rules). */
    public Uni<Optional<Instant>> lastEntry(SqlClient client, String campaignId, String customerId) {
        return client.preparedQuery("""
                SELECT max(entered_at) AS last FROM journey_instance WHERE campaign_id = $1 AND customer_id = $2""")
                .execute(Tuple.of(campaignId, customerId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime("last"))
                        .map(OffsetDateTime::toInstant));
    }

    /** The customer's live instances (of any journey), locked. */
    public Uni<List<JourneyInstance>> liveForUpdate(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                 FROM journey_instance WHERE customer_id = $1 AND status IN ('pending', 'active', 'waiting')
                FOR UPDATE""")
                .execute(Tuple.of(customerId)).map(JourneyRepository::instances);
    }

    /**
     * Takes up to {@code limit} instances that are due (of running campaigns), holding them until
     * {@code claimedUntil}; a crashed worker's claim expires.
     */
    public Uni<List<JourneyInstance>> claimDue(SqlClient client, Instant now, Instant claimedUntil, int limit) {
        return client.preparedQuery("""
                UPDATE journey_instance j SET claimed_until = $2
                WHERE j.instance_id IN (
                    SELECT i.instance_id FROM journey_instance i JOIN campaign c ON c.campaign_id = i.campaign_id
                    WHERE i.status IN ('pending', 'active', 'waiting') AND i.wake_at <= $1
                        AND (i.claimed_until IS NULL OR i.claimed_until < $1) AND c.status = 'running'
                    ORDER BY i.wake_at LIMIT $3 FOR UPDATE OF i SKIP LOCKED)
                """ + "RETURNING " + COLUMNS)
                .execute(Tuple.of(utc(now), utc(claimedUntil), limit)).map(JourneyRepository::instances);
    }

    /**
     * Stores the next state if the instance is still at {@code version}; false when another worker or an event moved it
     * meanwhile. A new step starts with no events seen.
     */
    public Uni<Boolean> update(SqlClient client, JourneyInstance instance, JourneyState next, Instant now) {
        boolean stepChanged = !java.util.Objects.equals(instance.state().stepId(), next.stepId())
                || instance.state().status() != next.status();
        boolean finished = isFinished(next.status());
        return client.preparedQuery("""
                UPDATE journey_instance SET step_id = $3, status = $4, wake_at = $5, step_started_at = $6,
                    exit_reason = $7, finished_at = CASE WHEN $8::boolean THEN $9::timestamptz ELSE NULL END,
                    events = CASE WHEN $10::boolean THEN '{}' ELSE events END, claimed_until = NULL, version = version + 1
                WHERE instance_id = $1 AND version = $2""")
                .execute(Tuple.tuple(java.util.Arrays.asList(instance.instanceId(), instance.version(), next.stepId(),
                        wire(next.status()), finished ? null : utc(next.wakeAt()),
                        utc(next.stepStartedAt() == null ? now : next.stepStartedAt()), next.exitReason(), finished,
                        utc(now), stepChanged)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * An event the instance may be waiting for: remembered, and the instance looked at now. A worker holding the
     * instance meanwhile fails its version check; the claim is dropped too, so the next pass need not wait for it to
     * expire.
     */
    public Uni<Void> notice(SqlClient client, UUID instanceId, JourneyEvent event, Instant now) {
        return client.preparedQuery("""
                UPDATE journey_instance SET events = CASE WHEN $2 = ANY(events) THEN events
                        ELSE array_append(events, $2) END,
                    wake_at = least(wake_at, $3), claimed_until = NULL, version = version + 1
                WHERE instance_id = $1""")
                .execute(Tuple.of(instanceId, WireNames.of(event), utc(now))).replaceWithVoid();
    }

    /** Records that a step ran; false if it had already (then it must not run again). */
    public Uni<Boolean> markExecuted(SqlClient client, UUID instanceId, String stepId, Instant now) {
        return client.preparedQuery("""
                INSERT INTO journey_step (instance_id, step_id, executed_at) VALUES ($1, $2, $3)
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(instanceId, stepId, utc(now))).map(rows -> rows.rowCount() == 1);
    }

    /** The campaign ended: its live instances end with it. */
    public Uni<Void> endLive(SqlClient client, String campaignId, String reason, Instant now) {
        return client.preparedQuery("""
                UPDATE journey_instance SET status = 'exited', exit_reason = $2, finished_at = $3, wake_at = NULL,
                    version = version + 1
                WHERE campaign_id = $1 AND status IN ('pending', 'active', 'waiting')""")
                .execute(Tuple.of(campaignId, reason, utc(now))).replaceWithVoid();
    }

    /** The customer was erased or merged away: their live instances end. */
    public Uni<Void> endForCustomer(SqlClient client, String customerId, String reason, Instant now) {
        return client.preparedQuery("""
                UPDATE journey_instance SET status = 'exited', exit_reason = $2, finished_at = $3, wake_at = NULL,
                    version = version + 1
                WHERE customer_id = $1 AND status IN ('pending', 'active', 'waiting')""")
                .execute(Tuple.of(customerId, reason, utc(now))).replaceWithVoid();
    }

    public Uni<List<JourneyInstance>> ofCampaign(SqlClient client, String campaignId, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS
                        + " FROM journey_instance WHERE campaign_id = $1 ORDER BY entered_at DESC LIMIT $2")
                .execute(Tuple.of(campaignId, limit)).map(JourneyRepository::instances);
    }

    static boolean isFinished(JourneyState.Status status) {
        return status == JourneyState.Status.COMPLETED || status == JourneyState.Status.EXITED
                || status == JourneyState.Status.CANCELLED;
    }

    private static List<JourneyInstance> instances(RowSet<Row> rows) {
        List<JourneyInstance> instances = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Set<JourneyEvent> events = EnumSet.noneOf(JourneyEvent.class);
            String[] stored = row.getArrayOfStrings("events");
            if (stored != null) {
                for (String event : stored) {
                    WireNames.parse(JourneyEvent.class, event).ifPresent(events::add);
                }
            }
            OffsetDateTime wake = row.getOffsetDateTime("wake_at");
            JourneyState state = new JourneyState(row.getString("step_id"),
                    JourneyState.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                    wake == null ? null : wake.toInstant(), row.getOffsetDateTime("step_started_at").toInstant(),
                    row.getString("exit_reason"));
            instances.add(new JourneyInstance(row.getUUID("instance_id"), row.getString("campaign_id"),
                    row.getString("customer_id"), row.getString("grp"), state,
                    row.getOffsetDateTime("entered_at").toInstant(), events, row.getInteger("version")));
        }
        return instances;
    }

    private static String wire(JourneyState.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

}
