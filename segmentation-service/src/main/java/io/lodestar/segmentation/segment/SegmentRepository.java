package io.lodestar.segmentation.segment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lodestar.segmentation.rule.SqlStatement;
import io.lodestar.segmentation.tag.Tag;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Rule segments in PostgreSQL, their members as of the last run, and the live queries of previews. */
@ApplicationScoped
public class SegmentRepository {

    private final Pool pool;

    public SegmentRepository(Pool pool) {
        this.pool = pool;
    }

    /** A stored segment: the condition as its JSON text. */
    public record StoredSegment(String id, String name, String description, String condition, Instant createdAt,
            Instant updatedAt) {
    }

    public Uni<Boolean> insert(String id, SegmentRequest request, String condition, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO rule_segment (segment_id, name, description, condition, created_at, updated_at)
                VALUES ($1, $2, $3, $4::text::jsonb, $5, $5) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(id, request.name(), request.description(), condition, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Replaces a segment; false when the id is unknown or the new name belongs to another segment. */
    public Uni<Boolean> replace(String id, SegmentRequest request, String condition, Instant at) {
        return pool.preparedQuery("""
                UPDATE rule_segment SET name = $2, description = $3, condition = $4::text::jsonb, updated_at = $5
                WHERE segment_id = $1 AND NOT EXISTS (SELECT 1 FROM rule_segment o WHERE o.name = $2
                                                      AND o.segment_id <> $1)""")
                .execute(Tuple.of(id, request.name(), request.description(), condition, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM rule_segment WHERE segment_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<List<StoredSegment>> all() {
        return pool.query("SELECT segment_id, name, description, condition::text AS condition, created_at, updated_at "
                + "FROM rule_segment ORDER BY name").execute().map(rows -> {
                    List<StoredSegment> segments = new ArrayList<>();
                    rows.forEach(row -> segments.add(toSegment(row)));
                    return segments;
                });
    }

    public Uni<Optional<StoredSegment>> find(String id) {
        return pool.preparedQuery("SELECT segment_id, name, description, condition::text AS condition, created_at, "
                        + "updated_at FROM rule_segment WHERE segment_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toSegment(rows.iterator().next())));
    }

    /** Members as of the last run (the segment's tag). */
    public Uni<Long> memberCount(String id) {
        return pool.preparedQuery("SELECT count(*) FROM customer_tag WHERE tag = $1")
                .execute(Tuple.of(Tag.Names.rule(id))).map(rows -> rows.iterator().next().getLong(0));
    }

    /** A page of members as of the last run, by customer id. */
    public Uni<List<String>> members(String id, String afterCustomerId, int limit) {
        return pool.preparedQuery("""
                SELECT customer_id FROM customer_tag WHERE tag = $1 AND ($2::text IS NULL OR customer_id > $2)
                ORDER BY customer_id LIMIT $3""")
                .execute(Tuple.of(Tag.Names.rule(id), afterCustomerId, limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getString("customer_id")));
                    return ids;
                });
    }

    /** Runs a translated rule query (count or members). */
    public Uni<List<String>> customerIds(SqlStatement statement) {
        return pool.preparedQuery(statement.sql()).execute(statement.tuple()).map(rows -> {
            List<String> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getString("customer_id")));
            return ids;
        });
    }

    public Uni<Long> count(SqlStatement statement) {
        return pool.preparedQuery(statement.sql()).execute(statement.tuple())
                .map(rows -> rows.iterator().next().getLong("members"));
    }

    private static StoredSegment toSegment(Row row) {
        return new StoredSegment(row.getString("segment_id"), row.getString("name"), row.getString("description"),
                row.getString("condition"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
