package io.lodestar.campaign.campaign;

import static io.lodestar.platform.persistence.SqlTimes.utc;
import static io.lodestar.platform.persistence.SqlTimes.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The SQL of {@code campaign}; the definition is stored as the JSON operators sent (after validation). */
@ApplicationScoped
public class CampaignRepository {

    private static final String COLUMNS = """
            campaign_id, definition, status, status_reason, next_run_at, runs_started, created_at, updated_at,
            started_at, finished_at, spent, coupons_issued_value""";

    private final ObjectMapper json;

    public CampaignRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> insert(SqlClient client, String id, CampaignDefinition definition, Instant now) {
        return client.preparedQuery("""
                INSERT INTO campaign (campaign_id, name, kind, status, owner, definition, created_at, updated_at)
                VALUES ($1, $2, $3, 'draft', $4, $5, $6, $6)""")
                .execute(Tuple.tuple(List.of(id, definition.name(), definition.isJourney() ? "journey" : "broadcast",
                        definition.owner(), toJson(definition), utc(now))))
                .replaceWithVoid();
    }

    /** Replaces a draft's definition; false if the campaign is not a draft (or does not exist). */
    public Uni<Boolean> updateDraft(SqlClient client, String id, CampaignDefinition definition, Instant now) {
        return client.preparedQuery("""
                UPDATE campaign SET name = $2, kind = $3, owner = $4, definition = $5, updated_at = $6,
                    version = version + 1
                WHERE campaign_id = $1 AND status = 'draft'""")
                .execute(Tuple.tuple(List.of(id, definition.name(), definition.isJourney() ? "journey" : "broadcast",
                        definition.owner(), toJson(definition), utc(now))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<Campaign>> find(SqlClient client, String id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM campaign WHERE campaign_id = $1")
                .execute(Tuple.of(id)).map(this::first);
    }

    public Uni<Optional<Campaign>> findForUpdate(SqlClient client, String id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM campaign WHERE campaign_id = $1 FOR UPDATE")
                .execute(Tuple.of(id)).map(this::first);
    }

    /** Campaigns after {@code afterId} in id order, optionally of one status. */
    public Uni<List<Campaign>> page(SqlClient client, String status, String afterId, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                 FROM campaign WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR campaign_id > $2)
                ORDER BY campaign_id LIMIT $3""")
                .execute(Tuple.of(status, afterId, limit)).map(this::all);
    }

    /** Moves the status; false if it was not in {@code from} (a concurrent change). */
    public Uni<Boolean> move(SqlClient client, String id, CampaignStatus from, CampaignStatus to, String reason,
                             Instant nextRunAt, Instant now) {
        return client.preparedQuery("""
                UPDATE campaign SET status = $3, status_reason = $4, next_run_at = $5, updated_at = $6,
                    started_at = CASE WHEN $3 = 'running' THEN coalesce(started_at, $6) ELSE started_at END,
                    finished_at = CASE WHEN $3 IN ('completed', 'cancelled') THEN $6 ELSE finished_at END,
                    version = version + 1
                WHERE campaign_id = $1 AND status = $2""")
                .execute(Tuple.tuple(Arrays.asList(id, from.wire(), to.wire(), reason, utc(nextRunAt), utc(now))))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Broadcasts whose next run is due (scheduled or running recurring ones), locked, skipping those others hold. */
    public Uni<List<Campaign>> dueForUpdate(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                 FROM campaign WHERE status IN ('scheduled', 'running') AND next_run_at <= $1
                ORDER BY next_run_at LIMIT $2 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(utc(now), limit)).map(this::all);
    }

    /** Records that a run started and when the next one is due (null: none). */
    public Uni<Void> runStarted(SqlClient client, String id, Instant nextRunAt, Instant now) {
        return client.preparedQuery("""
                UPDATE campaign SET runs_started = runs_started + 1, next_run_at = $2, status = 'running',
                    started_at = coalesce(started_at, $3), updated_at = $3, version = version + 1
                WHERE campaign_id = $1""")
                .execute(Tuple.of(id, utc(nextRunAt), utc(now))).replaceWithVoid();
    }

    /** Adds a batch's message cost and coupon value to the campaign's running totals. */
    public Uni<Void> addSpend(SqlClient client, String id, java.math.BigDecimal cost, java.math.BigDecimal coupons) {
        if (cost.signum() == 0 && coupons.signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                UPDATE campaign SET spent = spent + $2, coupons_issued_value = coupons_issued_value + $3
                WHERE campaign_id = $1""")
                .execute(Tuple.of(id, cost, coupons)).replaceWithVoid();
    }

    /** Running journey campaigns (triggers look them up on every event; there are few). */
    public Uni<List<Campaign>> runningJourneys(SqlClient client) {
        return client.preparedQuery("SELECT " + COLUMNS
                        + " FROM campaign WHERE status = 'running' AND kind = 'journey' ORDER BY campaign_id")
                .execute().map(this::all);
    }

    private Optional<Campaign> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(campaign(rows.iterator().next()));
    }

    private List<Campaign> all(RowSet<Row> rows) {
        List<Campaign> campaigns = new ArrayList<>(rows.size());
        rows.forEach(row -> campaigns.add(campaign(row)));
        return campaigns;
    }

    private Campaign campaign(Row row) {
        return new Campaign(row.getString("campaign_id"), fromJson(row.getJsonObject("definition")),
                CampaignStatus.ofWire(row.getString("status")), row.getString("status_reason"),
                instant(row, "next_run_at"), row.getInteger("runs_started"), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "started_at"), instant(row, "finished_at"),
                row.getBigDecimal("spent"), row.getBigDecimal("coupons_issued_value"));
    }

    private JsonObject toJson(CampaignDefinition definition) {
        try {
            return new JsonObject(json.writeValueAsString(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign definition cannot be written as JSON", e);
        }
    }

    private CampaignDefinition fromJson(JsonObject stored) {
        try {
            return json.readValue(stored.encode(), CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign definition cannot be read", e);
        }
    }


}
