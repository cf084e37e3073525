package io.lodestar.recommendation.training;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.lodestar.recommendation.interaction.InteractionKind;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.sequence.Purchase;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Reads the interactions of the training horizon and the catalogue's categories into {@link TrainingData}. Rows
 * stream through a cursor in pages, so a large history is never held as database rows, only as the compact arrays the
 * models need.
 */
@ApplicationScoped
public class TrainingDataRepository {

    private static final int FETCH = 10_000;

    private final Pool pool;

    public TrainingDataRepository(Pool pool) {
        this.pool = pool;
    }

    /** Everything since {@code since}, weighted as of {@code asOf}; hours of the week in {@code zone}. */
    public Uni<TrainingData> load(Instant since, Instant asOf, InteractionWeighting weighting, ZoneId zone) {
        return pool.withTransaction(connection -> connection.query("SELECT item_id, category FROM item").execute()
                .chain(categoryRows -> {
            Map<String, String> categories = new HashMap<>();
            categoryRows.forEach(row -> categories.put(row.getString("item_id"), row.getString("category")));
            Accumulator acc = new Accumulator(weighting, asOf, categories, zone);
            return connection.prepare("""
                    SELECT customer_id, item_id, kind, quantity, order_id, occurred_at FROM interaction
                    WHERE occurred_at >= $1 AND occurred_at <= $2
                    ORDER BY customer_id, occurred_at, order_id NULLS FIRST, item_id""")
                    .onItem().transformToMulti(statement -> statement.createStream(FETCH,
                            Tuple.of(since.atOffset(ZoneOffset.UTC), asOf.atOffset(ZoneOffset.UTC))).toMulti())
                    .onItem().invoke(acc::add)
                    .collect().last()
                    // Building the CSR matrix takes seconds at a million interactions: not on the event loop.
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(last -> acc.build());
        }));
    }

    /** Collects rows (in customer order) into dictionaries, cells, baskets and purchase sequences. */
    static final class Accumulator {

        private final InteractionWeighting weighting;
        private final Instant asOf;
        private final Map<String, String> categoryOfItemId;
        private final ZoneId zone;
        private final Map<String, Integer> categoryIndex = new LinkedHashMap<>();
        private final List<long[]> slotCounts = new ArrayList<>();
        private final Map<String, Integer> customers = new LinkedHashMap<>();
        private final Map<String, Integer> items = new LinkedHashMap<>();
        private final Map<String, List<Integer>> basketItems = new LinkedHashMap<>();
        private final List<List<Purchase>> purchases = new ArrayList<>();
        private int[] rows = new int[1024];
        private int[] columns = new int[1024];
        private float[] weights = new float[1024];
        private int cells;

        Accumulator(InteractionWeighting weighting, Instant asOf, Map<String, String> categoryOfItemId, ZoneId zone) {
            this.weighting = weighting;
            this.asOf = asOf;
            this.categoryOfItemId = categoryOfItemId;
            this.zone = zone;
        }

        void add(Row row) {
            add(row.getString("customer_id"), row.getString("item_id"), InteractionKind.ofWire(row.getString("kind")),
                    row.getInteger("quantity"), row.getString("order_id"),
                    row.getOffsetDateTime("occurred_at").toInstant());
        }

        void add(String customerId, String itemId, InteractionKind kind, int quantity, String orderId, Instant at) {
            int customer = customers.computeIfAbsent(customerId, id -> {
                purchases.add(new ArrayList<>());
                return customers.size();
            });
            int item = items.computeIfAbsent(itemId, id -> items.size());
            if (cells == rows.length) {
                rows = Arrays.copyOf(rows, cells * 2);
                columns = Arrays.copyOf(columns, cells * 2);
                weights = Arrays.copyOf(weights, cells * 2);
            }
            rows[cells] = customer;
            columns[cells] = item;
            weights[cells] = weighting.weight(kind, quantity, at, asOf);
            cells++;
            String category = categoryOfItemId.get(itemId);
            if (category != null && weights[cells - 1] > 0) {
                slotCounts.get(category(category))[HourOfWeekLift.slot(at, zone)]++;
            }
            if (kind == InteractionKind.ORDER) {
                basketItems.computeIfAbsent(orderId, id -> new ArrayList<>()).add(item);
                purchases.get(customer).add(new Purchase(item, at));
            }
        }

        private int category(String category) {
            return categoryIndex.computeIfAbsent(category, c -> {
                slotCounts.add(new long[HourOfWeekLift.SLOTS]);
                return categoryIndex.size();
            });
        }

        TrainingData build() {
            List<String> itemIds = List.copyOf(items.keySet());
            InteractionMatrix.Builder builder = InteractionMatrix.builder(List.copyOf(customers.keySet()), itemIds);
            for (int i = 0; i < cells; i++) {
                builder.add(rows[i], columns[i], weights[i]);
            }
            int[][] baskets = basketItems.values().stream()
                    .map(basket -> new TreeSet<>(basket).stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            int[] categoryOfItem = new int[itemIds.size()];
            for (int item = 0; item < itemIds.size(); item++) {
                String category = categoryOfItemId.get(itemIds.get(item));
                categoryOfItem[item] = category == null ? -1 : category(category);
            }
            return new TrainingData(builder.build(), baskets, purchases, categoryOfItem,
                    List.copyOf(categoryIndex.keySet()), slotCounts.toArray(long[][]::new), asOf);
        }
    }
}
