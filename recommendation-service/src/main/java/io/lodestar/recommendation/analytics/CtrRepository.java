package io.lodestar.recommendation.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Daily impression and click counters per model and scene ({@code V5__recommendation_ctr.sql}). */
@ApplicationScoped
public class CtrRepository {

    /** Adds one impression or click, on the consumer's connection (in its processed-event transaction). */
    public Uni<Void> count(SqlClient client, LocalDate day, String model, String scene, boolean click) {
        return client.preparedQuery("""
                INSERT INTO recommendation_ctr (day, model, scene, impressions, clicks) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (day, model, scene) DO UPDATE SET
                    impressions = recommendation_ctr.impressions + excluded.impressions,
                    clicks = recommendation_ctr.clicks + excluded.clicks""")
                .execute(Tuple.of(day, model, scene, click ? 0 : 1, click ? 1 : 0)).replaceWithVoid();
    }

    /** Totals per model and scene over [from, to]. */
    public Uni<List<CtrView.Row>> totals(SqlClient client, LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                SELECT model, scene, sum(impressions) AS impressions, sum(clicks) AS clicks FROM recommendation_ctr
                WHERE day BETWEEN $1 AND $2 GROUP BY model, scene ORDER BY model, scene""")
                .execute(Tuple.of(from, to)).map(rows -> {
                    List<CtrView.Row> result = new ArrayList<>();
                    rows.forEach(row -> result.add(CtrView.Row.of(row.getString("model"), row.getString("scene"),
                            row.getLong("impressions"), row.getLong("clicks"))));
                    return result;
                });
    }
}
