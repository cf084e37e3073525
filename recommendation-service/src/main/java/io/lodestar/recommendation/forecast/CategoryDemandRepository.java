package io.lodestar.recommendation.forecast;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Daily demand of a category, from the paid-order interactions and the catalogue's categories. */
@ApplicationScoped
public class CategoryDemandRepository {

    private final Pool pool;

    public CategoryDemandRepository(Pool pool) {
        this.pool = pool;
    }

    /** Whether any catalogue item (stubs included) has {@code category} as its leaf category. */
    public Uni<Boolean> categoryExists(String category) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM item WHERE category = $1) AS known")
                .execute(Tuple.of(category)).map(rows -> rows.iterator().next().getBoolean("known"));
    }

    /**
     * Units ordered per UTC day in {@code [fromDay, untilDay)}, for the days with any; days without sales are absent.
     * Units of paid orders, not net of refunds: a refund says the customer returned it, not that there was no demand.
     */
    public Uni<Map<LocalDate, Long>> dailyUnits(String category, LocalDate fromDay, LocalDate untilDay) {
        return pool.preparedQuery("""
                SELECT (i.occurred_at AT TIME ZONE 'UTC')::date AS day, sum(i.quantity) AS units
                FROM interaction i JOIN item it ON it.item_id = i.item_id
                WHERE it.category = $1 AND i.kind = 'order' AND i.occurred_at >= $2 AND i.occurred_at < $3
                GROUP BY 1 ORDER BY 1""")
                .execute(Tuple.of(category, startOf(fromDay), startOf(untilDay)))
                .map(rows -> {
                    Map<LocalDate, Long> units = new LinkedHashMap<>();
                    for (Row row : rows) {
                        units.put(row.getLocalDate("day"), row.getLong("units"));
                    }
                    return units;
                });
    }

    private static java.time.OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
