package io.lodestar.segmentation.rfmmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.segmentation.rfm.ScoredCustomer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** RFM models and their latest scores in PostgreSQL (plain SQL, like every table of this service). */
@ApplicationScoped
public class RfmModelRepository {

    private final Pool pool;
    private final ObjectMapper json;

    public RfmModelRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A stored model with its definition. */
    public record StoredModel(String id, RfmModelRequest definition, Instant createdAt, Instant updatedAt) {
    }

    /** Inserts a model; false if another model already has its name. */
    public Uni<Boolean> insert(String id, RfmModelRequest definition, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO rfm_model (model_id, name, scheme, definition, created_at, updated_at)
                VALUES ($1, $2, $3, $4::text::jsonb, $5, $5) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(id, definition.name(), scheme(definition), encode(definition), utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Replaces a model's definition; empty if there is no such model, false if its new name is taken. */
    public Uni<Optional<Boolean>> replace(String id, RfmModelRequest definition, Instant at) {
        return pool.preparedQuery("""
                UPDATE rfm_model SET name = $2, scheme = $3, definition = $4::text::jsonb, updated_at = $5
                WHERE model_id = $1 AND NOT EXISTS (SELECT 1 FROM rfm_model o WHERE o.name = $2 AND o.model_id <> $1)""")
                .execute(Tuple.of(id, definition.name(), scheme(definition), encode(definition), utc(at)))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(Optional.of(true))
                        : find(id).map(found -> found.map(model -> false)));
    }

    public Uni<Optional<StoredModel>> find(String id) {
        return pool.preparedQuery("SELECT model_id, definition::text AS definition, created_at, updated_at "
                        + "FROM rfm_model WHERE model_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toModel(rows.iterator().next())));
    }

    public Uni<List<StoredModel>> all() {
        return pool.query("SELECT model_id, definition::text AS definition, created_at, updated_at FROM rfm_model "
                        + "ORDER BY name")
                .execute()
                .map(rows -> {
                    List<StoredModel> models = new ArrayList<>();
                    rows.forEach(row -> models.add(toModel(row)));
                    return models;
                });
    }

    /** Deletes a model and its scores together. */
    public Uni<Boolean> delete(String id) {
        return pool.withTransaction(connection -> connection.preparedQuery("DELETE FROM rfm_score WHERE model_id = $1")
                .execute(Tuple.of(id))
                .chain(() -> connection.preparedQuery("DELETE FROM rfm_model WHERE model_id = $1").execute(Tuple.of(id)))
                .map(rows -> rows.rowCount() == 1));
    }

    /** Up to {@code limit} scores after {@code afterCustomerId} in customer id order, optionally of one group. */
    public Uni<List<RfmScoreView>> scores(String modelId, String afterCustomerId, String group, int limit) {
        return pool.preparedQuery("""
                SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, code, group_name
                FROM rfm_score WHERE model_id = $1 AND ($2::text IS NULL OR customer_id > $2)
                  AND ($3::text IS NULL OR group_name = $3)
                ORDER BY customer_id LIMIT $4""")
                .execute(Tuple.of(modelId, afterCustomerId, group, limit))
                .map(rows -> {
                    List<RfmScoreView> scores = new ArrayList<>(rows.size());
                    rows.forEach(row -> scores.add(new RfmScoreView(row.getString("customer_id"),
                            row.getInteger("recency_days"), row.getInteger("frequency"), row.getBigDecimal("monetary"),
                            row.getInteger("r_score"), row.getInteger("f_score"), row.getInteger("m_score"),
                            row.getString("code"), row.getString("group_name"))));
                    return scores;
                });
    }

    /** Removes a model's scores before a run writes its new ones. */
    public Uni<Void> deleteScores(String modelId) {
        return pool.preparedQuery("DELETE FROM rfm_score WHERE model_id = $1").execute(Tuple.of(modelId))
                .replaceWithVoid();
    }

    /** Inserts a chunk of a run's scores for a model (one statement, array parameters). */
    public Uni<Void> insertScores(String modelId, List<ScoredCustomer> scored) {
        int n = scored.size();
        String[] ids = new String[n];
        Integer[] recency = new Integer[n];
        Integer[] frequency = new Integer[n];
        BigDecimal[] monetary = new BigDecimal[n];
        Integer[] r = new Integer[n];
        Integer[] f = new Integer[n];
        Integer[] m = new Integer[n];
        String[] codes = new String[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            ScoredCustomer c = scored.get(i);
            ids[i] = c.customerId();
            recency[i] = Math.toIntExact(c.values().recencyDays());
            frequency[i] = c.values().frequency();
            monetary[i] = c.values().monetary();
            r[i] = c.scores().recency();
            f[i] = c.scores().frequency();
            m[i] = c.scores().monetary();
            codes[i] = c.code();
            groups[i] = c.group().wireName();
        }
        return pool.preparedQuery("""
                INSERT INTO rfm_score (model_id, customer_id, recency_days, frequency, monetary, r_score, f_score,
                        m_score, code, group_name)
                SELECT $1, x.* FROM unnest($2::text[], $3::int[], $4::int[], $5::numeric[], $6::int[], $7::int[],
                        $8::int[], $9::text[], $10::text[]) AS x""")
                .execute(Tuple.tuple(List.of(modelId, ids, recency, frequency, monetary, r, f, m, codes, groups)))
                .replaceWithVoid();
    }

    /** Per group of a model's latest scores: customers, recency mean and median, frequency mean, spend. */
    public Uni<List<Row>> groupStatistics(String modelId) {
        return pool.preparedQuery("""
                SELECT group_name, count(*) AS customers, avg(recency_days)::float8 AS recency_mean,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY recency_days) AS recency_median,
                       avg(frequency)::float8 AS frequency_mean, round(avg(monetary), 2) AS monetary_mean,
                       sum(monetary) AS monetary_total
                FROM rfm_score WHERE model_id = $1 GROUP BY group_name ORDER BY count(*) DESC, group_name""")
                .execute(Tuple.of(modelId))
                .map(rows -> {
                    List<Row> list = new ArrayList<>(rows.size());
                    rows.forEach(list::add);
                    return list;
                });
    }

    private StoredModel toModel(Row row) {
        try {
            return new StoredModel(row.getString("model_id"),
                    json.readValue(row.getString("definition"), RfmModelRequest.class),
                    row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("RFM model " + row.getString("model_id") + " has an unreadable definition",
                    e);
        }
    }

    private String encode(RfmModelRequest definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String scheme(RfmModelRequest definition) {
        return definition.scheme() == RfmModelRequest.SchemeKind.QUINTILE ? "quintile" : "threshold";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
