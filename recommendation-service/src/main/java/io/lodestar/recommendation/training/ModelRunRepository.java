package io.lodestar.recommendation.training;

import java.time.Duration;
import java.time.Instant;
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

/** Training runs in PostgreSQL; the unique index on running runs makes "one at a time" hold across replicas. */
@ApplicationScoped
public class ModelRunRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public ModelRunRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records a started run; false if another run is running. */
    public Uni<Boolean> start(UUID id, String trigger, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO model_run (run_id, status, trigger, started_at, heartbeat_at, phase)
                VALUES ($1, 'running', $2, $3, $3, 'queued')""")
                .execute(Tuple.of(id, trigger, at.atOffset(ZoneOffset.UTC)))
                .replaceWith(true)
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithItem(false);
    }

    public Uni<Void> progress(UUID id, int percent, String phase, Map<String, Long> phaseMillis) {
        return pool.preparedQuery("""
                UPDATE model_run SET progress = $2, phase = $3, phase_millis = $4, heartbeat_at = now()
                WHERE run_id = $1""")
                .execute(Tuple.of(id, percent, phase, new JsonObject(new LinkedHashMap<>(phaseMillis))))
                .replaceWithVoid();
    }

    public Uni<Void> succeed(UUID id, Map<String, Long> phaseMillis, Map<String, Object> report, long version) {
        return pool.preparedQuery("""
                UPDATE model_run SET status = 'succeeded', progress = 100, phase = 'done', finished_at = now(),
                    phase_millis = $2, report = $3, version = $4
                WHERE run_id = $1""")
                .execute(Tuple.of(id, new JsonObject(new LinkedHashMap<>(phaseMillis)), new JsonObject(report),
                        version))
                .replaceWithVoid();
    }

    public Uni<Void> fail(UUID id, String error, Map<String, Long> phaseMillis, Map<String, Object> report) {
        return pool.preparedQuery("""
                UPDATE model_run SET status = 'failed', finished_at = now(), error = $2, phase_millis = $3, report = $4
                WHERE run_id = $1""")
                .execute(Tuple.of(id, error, new JsonObject(new LinkedHashMap<>(phaseMillis)),
                        new JsonObject(report)))
                .replaceWithVoid();
    }

    /** Tells other replicas this run is alive. */
    public Uni<Void> beat(UUID id) {
        return pool.preparedQuery("UPDATE model_run SET heartbeat_at = now() WHERE run_id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Fails runs whose replica stopped beating: they would otherwise block every later run. */
    public Uni<Integer> failAbandoned(Duration staleAfter) {
        return pool.preparedQuery("""
                UPDATE model_run SET status = 'failed', finished_at = now(),
                    error = 'abandoned: the replica running it stopped'
                WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) staleAfter.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    public Uni<Optional<ModelRunView>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM model_run WHERE run_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toView(rows.iterator().next())));
    }

    public Uni<List<ModelRunView>> latest(int limit) {
        return pool.preparedQuery("SELECT * FROM model_run ORDER BY started_at DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<ModelRunView> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(toView(row)));
                    return runs;
                });
    }

    private static ModelRunView toView(Row row) {
        Map<String, Long> millis = new LinkedHashMap<>();
        row.getJsonObject("phase_millis").forEach(e -> millis.put(e.getKey(), ((Number) e.getValue()).longValue()));
        return new ModelRunView(row.getUUID("run_id"), row.getString("status"), row.getString("trigger"),
                row.getOffsetDateTime("started_at").toInstant(),
                row.getOffsetDateTime("finished_at") == null ? null : row.getOffsetDateTime("finished_at").toInstant(),
                row.getInteger("progress"), row.getString("phase"), millis, row.getJsonObject("report").getMap(),
                row.getString("error"), row.getLong("version"));
    }
}
