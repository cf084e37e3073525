package io.lodestar.segmentation.run;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

/** Segmentation runs in PostgreSQL; the unique index on running runs makes "one at a time" hold across replicas. */
@ApplicationScoped
public class RunRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public RunRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records a started run; false if another run is running. */
    public Uni<Boolean> start(UUID id, String trigger, Instant asOf, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO segmentation_run (run_id, status, trigger, as_of, started_at, heartbeat_at, phase)
                VALUES ($1, 'running', $2, $3, $4, $4, 'queued')""")
                .execute(Tuple.of(id, trigger, utc(asOf), utc(at)))
                .replaceWith(true)
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithItem(false);
    }

    public Uni<Void> progress(UUID id, int percent, String phase, Map<String, Long> phaseMillis) {
        return pool.preparedQuery("""
                UPDATE segmentation_run SET progress = $2, phase = $3, phase_millis = $4, heartbeat_at = now()
                WHERE run_id = $1""")
                .execute(Tuple.of(id, percent, phase, new JsonObject(new LinkedHashMap<>(phaseMillis))))
                .replaceWithVoid();
    }

    public Uni<Void> succeed(UUID id, Map<String, Long> phaseMillis, Map<String, ?> distribution,
                             Map<String, ?> transitions, long tagsVersion, int customers) {
        return pool.preparedQuery("""
                UPDATE segmentation_run SET status = 'succeeded', progress = 100, phase = 'done', finished_at = now(),
                    phase_millis = $2, distribution = $3, transitions = $4, tags_version = $5, customers = $6
                WHERE run_id = $1""")
                .execute(Tuple.tuple(List.of(id, new JsonObject(new LinkedHashMap<>(phaseMillis)),
                        new JsonObject(new LinkedHashMap<>(distribution)), new JsonObject(new LinkedHashMap<>(transitions)),
                        tagsVersion, customers)))
                .replaceWithVoid();
    }

    public Uni<Void> fail(UUID id, String error, Map<String, Long> phaseMillis) {
        return pool.preparedQuery("""
                UPDATE segmentation_run SET status = 'failed', finished_at = now(), error = $2, phase_millis = $3
                WHERE run_id = $1""")
                .execute(Tuple.of(id, error, new JsonObject(new LinkedHashMap<>(phaseMillis))))
                .replaceWithVoid();
    }

    /** What the run's clustering and churn model reported (or why they were skipped). */
    public Uni<Void> models(UUID id, Map<String, Object> clustering, Map<String, Object> churn) {
        return pool.preparedQuery("UPDATE segmentation_run SET clustering = $2, churn = $3 WHERE run_id = $1")
                .execute(Tuple.of(id, new JsonObject(clustering), new JsonObject(churn)))
                .replaceWithVoid();
    }

    /** Tells other replicas this run is alive. */
    public Uni<Void> beat(UUID id) {
        return pool.preparedQuery("UPDATE segmentation_run SET heartbeat_at = now() WHERE run_id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Fails runs whose replica stopped beating: they would otherwise block every later run. */
    public Uni<Integer> failAbandoned(Duration staleAfter) {
        return pool.preparedQuery("""
                UPDATE segmentation_run SET status = 'failed', finished_at = now(),
                    error = 'abandoned: the replica running it stopped'
                WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) staleAfter.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    public Uni<Optional<RunView>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM segmentation_run WHERE run_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toView(rows.iterator().next())));
    }

    public Uni<List<RunView>> latest(int limit) {
        return pool.preparedQuery("SELECT * FROM segmentation_run ORDER BY started_at DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<RunView> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(toView(row)));
                    return runs;
                });
    }

    @SuppressWarnings("unchecked")
    private static RunView toView(Row row) {
        Map<String, Long> millis = new LinkedHashMap<>();
        row.getJsonObject("phase_millis").forEach(e -> millis.put(e.getKey(), ((Number) e.getValue()).longValue()));
        return new RunView(row.getUUID("run_id"), row.getString("status"), row.getString("trigger"),
                row.getOffsetDateTime("as_of").toInstant(), row.getOffsetDateTime("started_at").toInstant(),
                row.getOffsetDateTime("finished_at") == null ? null : row.getOffsetDateTime("finished_at").toInstant(),
                row.getInteger("progress"), row.getString("phase"), millis, row.getString("error"),
                (Map<String, Map<String, Integer>>) (Map<?, ?>) row.getJsonObject("distribution").getMap(),
                (Map<String, Map<String, Integer>>) (Map<?, ?>) row.getJsonObject("transitions").getMap(),
                row.getLong("tags_version"), row.getInteger("customers"),
                row.getJsonObject("clustering") == null ? null : row.getJsonObject("clustering").getMap(),
                row.getJsonObject("churn") == null ? null : row.getJsonObject("churn").getMap());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
