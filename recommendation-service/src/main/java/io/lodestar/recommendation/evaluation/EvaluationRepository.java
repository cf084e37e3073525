package io.lodestar.recommendation.evaluation;

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

/**
 * Evaluations in PostgreSQL (plain SQL on the reactive pool, as training runs are). The partial unique index on running
 * evaluations makes "one at a time" hold across replicas; the request and the result are jsonb of the API records.
 */
@ApplicationScoped
public class EvaluationRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public EvaluationRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records a started evaluation; false if another one is running. */
    public Uni<Boolean> start(UUID id, EvaluationRequest request, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO evaluation (evaluation_id, status, request, started_at, heartbeat_at, phase)
                VALUES ($1, 'running', $2, $3, $3, 'queued')""")
                .execute(Tuple.of(id, JsonObject.mapFrom(request), at.atOffset(ZoneOffset.UTC)))
                .replaceWith(true)
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithItem(false);
    }

    public Uni<Void> progress(UUID id, int percent, String phase, Map<String, Long> phaseMillis) {
        return pool.preparedQuery("""
                UPDATE evaluation SET progress = $2, phase = $3, phase_millis = $4, heartbeat_at = now()
                WHERE evaluation_id = $1""")
                .execute(Tuple.of(id, percent, phase, new JsonObject(new LinkedHashMap<>(phaseMillis))))
                .replaceWithVoid();
    }

    public Uni<Void> succeed(UUID id, Map<String, Long> phaseMillis, EvaluationResult result) {
        return pool.preparedQuery("""
                UPDATE evaluation SET status = 'succeeded', progress = 100, phase = 'done', finished_at = now(),
                    phase_millis = $2, result = $3
                WHERE evaluation_id = $1""")
                .execute(Tuple.of(id, new JsonObject(new LinkedHashMap<>(phaseMillis)), JsonObject.mapFrom(result)))
                .replaceWithVoid();
    }

    public Uni<Void> fail(UUID id, String error, Map<String, Long> phaseMillis) {
        return pool.preparedQuery("""
                UPDATE evaluation SET status = 'failed', finished_at = now(), error = $2, phase_millis = $3
                WHERE evaluation_id = $1""")
                .execute(Tuple.of(id, error, new JsonObject(new LinkedHashMap<>(phaseMillis))))
                .replaceWithVoid();
    }

    /** Tells other replicas this evaluation is alive. */
    public Uni<Void> beat(UUID id) {
        return pool.preparedQuery("UPDATE evaluation SET heartbeat_at = now() WHERE evaluation_id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Fails evaluations whose replica stopped beating: they would otherwise block every later one. */
    public Uni<Integer> failAbandoned(Duration staleAfter) {
        return pool.preparedQuery("""
                UPDATE evaluation SET status = 'failed', finished_at = now(),
                    error = 'abandoned: the replica running it stopped'
                WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) staleAfter.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    public Uni<Optional<EvaluationView>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM evaluation WHERE evaluation_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toView(rows.iterator().next())));
    }

    /** The latest evaluations, newest first. */
    public Uni<List<EvaluationView>> latest(int limit) {
        return pool.preparedQuery("SELECT * FROM evaluation ORDER BY started_at DESC, evaluation_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<EvaluationView> evaluations = new ArrayList<>();
                    rows.forEach(row -> evaluations.add(toView(row)));
                    return evaluations;
                });
    }

    private static EvaluationView toView(Row row) {
        Map<String, Long> millis = new LinkedHashMap<>();
        row.getJsonObject("phase_millis").forEach(e -> millis.put(e.getKey(), ((Number) e.getValue()).longValue()));
        JsonObject result = row.getJsonObject("result");
        return new EvaluationView(row.getUUID("evaluation_id"), row.getString("status"),
                row.getJsonObject("request").mapTo(EvaluationRequest.class), row.getInteger("progress"),
                row.getString("phase"), millis, result == null ? null : result.mapTo(EvaluationResult.class),
                row.getString("error"), row.getOffsetDateTime("started_at").toInstant(),
                row.getOffsetDateTime("finished_at") == null ? null
                        : row.getOffsetDateTime("finished_at").toInstant());
    }
}
