package io.lodestar.campaign.dispatch;

import static io.lodestar.platform.persistence.SqlTimes.utc;
import static io.lodestar.platform.persistence.SqlTimes.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code campaign_run} and of its audience snapshot ({@code audience_member}, {@code assignment}). */
@ApplicationScoped
public class CampaignRunRepository {

    private static final String COLUMNS = """
            run_id, campaign_id, occurrence, phase, snapshot_cursor, dispatch_cursor, targeted, dispatched, held,
            skipped, started_at, snapshot_at, finished_at""";

    /** An audience member of a run and their experiment group. */
    public record Member(String customerId, String group) {
    }

    public Uni<Void> insert(SqlClient client, UUID runId, String campaignId, int occurrence, Instant now) {
        return client.preparedQuery("""
                INSERT INTO campaign_run (run_id, campaign_id, occurrence, phase, snapshot_cursor, started_at)
                VALUES ($1, $2, $3, 'snapshotting', '{"source": 0}', $4) ON CONFLICT (campaign_id, occurrence) DO NOTHING""")
                .execute(Tuple.of(runId, campaignId, occurrence, utc(now))).replaceWithVoid();
    }

    /** Runs not done of campaigns that are running: what the dispatcher drives. */
    public Uni<List<CampaignRun>> active(SqlClient client) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                 FROM campaign_run r
                WHERE r.phase <> 'done' AND EXISTS (SELECT 1 FROM campaign c WHERE c.campaign_id = r.campaign_id
                    AND c.status = 'running') ORDER BY r.started_at""")
                .execute().map(rows -> {
                    List<CampaignRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(run(row)));
                    return runs;
                });
    }

    public Uni<Optional<CampaignRun>> find(SqlClient client, UUID runId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM campaign_run WHERE run_id = $1")
                .execute(Tuple.of(runId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
    }

    public Uni<List<CampaignRun>> ofCampaign(SqlClient client, String campaignId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM campaign_run WHERE campaign_id = $1 ORDER BY occurrence")
                .execute(Tuple.of(campaignId)).map(rows -> {
                    List<CampaignRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(run(row)));
                    return runs;
                });
    }

    /**
     * Locks the run if it is still where the caller saw it (same phase and cursors) and its campaign is running. (The
     * cursor goes over as text: the client would send a Java String bound to a jsonb parameter as a JSON string.)
     */
    public Uni<Boolean> claim(SqlClient client, CampaignRun seen) {
        return client.preparedQuery("""
                SELECT 1 FROM campaign_run r JOIN campaign c ON c.campaign_id = r.campaign_id
                WHERE r.run_id = $1 AND r.phase = $2 AND r.snapshot_cursor = $3::text::jsonb
                    AND r.dispatch_cursor IS NOT DISTINCT FROM $4 AND c.status = 'running'
                FOR UPDATE OF r""")
                .execute(Tuple.of(seen.runId(), seen.phase().wire(), snapshotCursor(seen.snapshotSource(),
                        seen.snapshotCursor()), seen.dispatchCursor()))
                .map(rows -> rows.size() == 1);
    }

    public Uni<Void> addMembers(SqlClient client, UUID runId, List<Member> members) {
        if (members.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                INSERT INTO audience_member (run_id, customer_id, grp)
                SELECT $1, c, g FROM unnest($2::text[], $3::text[]) AS m(c, g)
                ON CONFLICT (run_id, customer_id) DO NOTHING""")
                .execute(Tuple.of(runId, members.stream().map(Member::customerId).toArray(String[]::new),
                        members.stream().map(Member::group).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> removeMembers(SqlClient client, UUID runId, List<String> customerIds) {
        return client.preparedQuery("DELETE FROM audience_member WHERE run_id = $1 AND customer_id = ANY($2)")
                .execute(Tuple.of(runId, customerIds.toArray(String[]::new))).replaceWithVoid();
    }

    public Uni<Void> moveSnapshot(SqlClient client, UUID runId, int source, String cursor) {
        return client.preparedQuery("UPDATE campaign_run SET snapshot_cursor = $2::text::jsonb WHERE run_id = $1")
                .execute(Tuple.of(runId, snapshotCursor(source, cursor))).replaceWithVoid();
    }

    /**
     * Ends the snapshot: the members become the campaign's assignments (a customer keeps the group of their first
     * run), the run counts its audience and starts dispatching.
     */
    public Uni<Integer> finishSnapshot(SqlClient client, UUID runId, String campaignId, Instant now) {
        return client.preparedQuery("""
                INSERT INTO assignment (campaign_id, customer_id, grp, targeted_at)
                SELECT $2, customer_id, grp, $3 FROM audience_member WHERE run_id = $1
                ON CONFLICT (campaign_id, customer_id) DO NOTHING""")
                .execute(Tuple.of(runId, campaignId, utc(now)))
                .chain(() -> client.preparedQuery("""
                        UPDATE campaign_run SET phase = 'dispatching', snapshot_at = $2,
                            targeted = (SELECT count(*) FROM audience_member WHERE run_id = $1)
                        WHERE run_id = $1 RETURNING targeted""")
                        .execute(Tuple.of(runId, utc(now))))
                .map(rows -> rows.iterator().next().getInteger("targeted"));
    }

    /** The next members in customer-id order after {@code afterCustomerId}. */
    public Uni<List<Member>> members(SqlClient client, UUID runId, String afterCustomerId, int limit) {
        return client.preparedQuery("""
                SELECT customer_id, grp FROM audience_member WHERE run_id = $1 AND customer_id > $2
                ORDER BY customer_id LIMIT $3""")
                .execute(Tuple.of(runId, afterCustomerId == null ? "" : afterCustomerId, limit))
                .map(rows -> {
                    List<Member> members = new ArrayList<>(rows.size());
                    rows.forEach(row -> members.add(new Member(row.getString("customer_id"), row.getString("grp"))));
                    return members;
                });
    }

    public Uni<Void> advance(SqlClient client, UUID runId, String cursor, DeliveryOutcome outcome) {
        return client.preparedQuery("""
                UPDATE campaign_run SET dispatch_cursor = $2, dispatched = dispatched + $3, held = held + $4,
                    skipped = skipped + $5 WHERE run_id = $1""")
                .execute(Tuple.of(runId, cursor, outcome.dispatched(), outcome.held(), outcome.skipped()))
                .replaceWithVoid();
    }

    public Uni<Void> finish(SqlClient client, UUID runId, Instant now) {
        return client.preparedQuery("UPDATE campaign_run SET phase = 'done', finished_at = $2 WHERE run_id = $1")
                .execute(Tuple.of(runId, utc(now))).replaceWithVoid();
    }

    /** Running broadcasts with no further run due, every run done and nothing held: finished. */
    public Uni<List<String>> finishedBroadcasts(SqlClient client) {
        return client.preparedQuery("""
                SELECT c.campaign_id FROM campaign c
                WHERE c.status = 'running' AND c.kind = 'broadcast' AND c.next_run_at IS NULL AND c.runs_started > 0
                    AND NOT EXISTS (SELECT 1 FROM campaign_run r WHERE r.campaign_id = c.campaign_id AND r.phase <> 'done')
                    AND NOT EXISTS (SELECT 1 FROM message m WHERE m.campaign_id = c.campaign_id AND m.status = 'held')""")
                .execute().map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("campaign_id")));
                    return ids;
                });
    }

    private static CampaignRun run(Row row) {
        JsonObject snapshot = row.getJsonObject("snapshot_cursor");
        return new CampaignRun(row.getUUID("run_id"), row.getString("campaign_id"), row.getInteger("occurrence"),
                CampaignRun.Phase.valueOf(row.getString("phase").toUpperCase(Locale.ROOT)),
                snapshot == null ? 0 : snapshot.getInteger("source", 0),
                snapshot == null ? null : snapshot.getString("cursor"), row.getString("dispatch_cursor"),
                row.getInteger("targeted"), row.getInteger("dispatched"), row.getInteger("held"),
                row.getInteger("skipped"), instant(row, "started_at"), instant(row, "snapshot_at"),
                instant(row, "finished_at"));
    }

    static String snapshotCursor(int source, String cursor) {
        JsonObject json = new JsonObject().put("source", source);
        if (cursor != null) {
            json.put("cursor", cursor);
        }
        return json.encode();
    }


}
