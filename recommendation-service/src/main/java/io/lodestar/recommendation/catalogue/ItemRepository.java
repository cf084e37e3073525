package io.lodestar.recommendation.catalogue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL of the catalogue ({@code V1__catalogue_and_interactions.sql}) on the caller's connection, so that a batch
 * commits as one and a consumer's stub items commit with its processed-event marker. Plain SQL: writes are upserts.
 */
@ApplicationScoped
public class ItemRepository {

    private static final String COLUMNS = """
            item_id, title, category_path, category, brand, price, currency, in_stock, launched_at, tags, durability,
            repurchase_days, hidden, stub, updated_at, cost, stock_quantity""";

    private static final String UPSERT = """
            INSERT INTO item (item_id, title, category_path, brand, price, currency, in_stock, launched_at, tags,
                              durability, repurchase_days, hidden, stub, cost, stock_quantity)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false, $13, $14)
            ON CONFLICT (item_id) DO UPDATE SET title = excluded.title, category_path = excluded.category_path,
                brand = excluded.brand, price = excluded.price, currency = excluded.currency,
                in_stock = excluded.in_stock, launched_at = excluded.launched_at, tags = excluded.tags,
                durability = excluded.durability, repurchase_days = excluded.repurchase_days,
                hidden = excluded.hidden, stub = false, cost = excluded.cost,
                stock_quantity = excluded.stock_quantity, updated_at = now()
            RETURNING (xmax = 0) AS created""";

    /** Creates or replaces items; returns how many were new. */
    public Uni<Integer> upsert(SqlClient client, List<ItemWrite> items) {
        List<Tuple> tuples = items.stream().map(ItemRepository::tuple).toList();
        return client.preparedQuery(UPSERT).executeBatch(tuples).map(rows -> {
            int created = 0;
            for (RowSet<Row> set = rows; set != null; set = set.next()) {
                for (Row row : set) {
                    created += row.getBoolean("created") ? 1 : 0;
                }
            }
            return created;
        });
    }

    /**
     * Creates stub items for ids an event or order named that the catalogue does not know yet, with the category the
     * event gave (which the catalogue's own record replaces later). Existing items are left alone.
     */
    public Uni<Void> ensureStubs(SqlClient client, Map<String, String> categoryByItem) {
        if (categoryByItem.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = categoryByItem.keySet().toArray(String[]::new);
        String[] categories = Arrays.stream(ids).map(categoryByItem::get).toArray(String[]::new);
        return client.preparedQuery("""
                INSERT INTO item (item_id, category_path, stub)
                SELECT id, CASE WHEN category IS NULL THEN '{}'::text[] ELSE ARRAY[category] END, true
                FROM unnest($1::text[], $2::text[]) AS t(id, category)
                ORDER BY id
                ON CONFLICT (item_id) DO NOTHING""")
                .execute(Tuple.of(ids, categories)).replaceWithVoid();
    }

    public Uni<Optional<ItemView>> find(SqlClient client, String itemId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM item WHERE item_id = $1").execute(Tuple.of(itemId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /** Every item, for the in-memory catalogue serving reads. */
    public Uni<List<ItemView>> all(SqlClient client) {
        return client.query("SELECT " + COLUMNS + " FROM item ORDER BY item_id").execute().map(rows -> {
            List<ItemView> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(view(row)));
            return items;
        });
    }

    /** Items changed after {@code since} (the in-memory catalogue's incremental refresh). */
    public Uni<List<ItemView>> changedSince(SqlClient client, Instant since) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM item WHERE updated_at > $1 ORDER BY item_id")
                .execute(Tuple.of(since.atOffset(ZoneOffset.UTC))).map(rows -> {
                    List<ItemView> items = new ArrayList<>(rows.size());
                    rows.forEach(row -> items.add(view(row)));
                    return items;
                });
    }

    private static Tuple tuple(ItemWrite write) {
        ItemRequest item = write.item();
        return Tuple.tuple(Arrays.asList(
                write.itemId(),
                item.title(),
                item.categoryPath() == null ? new String[0] : item.categoryPath().toArray(String[]::new),
                item.brand(),
                item.price(),
                item.currency(),
                inStock(item),
                item.launchedAt() == null ? null : item.launchedAt().atOffset(ZoneOffset.UTC),
                item.tags() == null ? new String[0] : item.tags().toArray(String[]::new),
                (item.durability() == null ? Durability.CONSUMABLE : item.durability()).wire(),
                item.repurchaseDays(),
                item.hidden() != null && item.hidden(),
                item.cost(),
                item.stockQuantity()));
    }

    /** In stock unless the catalogue says otherwise, or says there are no units on hand. */
    static boolean inStock(ItemRequest item) {
        return (item.inStock() == null || item.inStock()) && (item.stockQuantity() == null || item.stockQuantity() > 0);
    }

    private static ItemView view(Row row) {
        OffsetDateTime launched = row.getOffsetDateTime("launched_at");
        return new ItemView(row.getString("item_id"), row.getString("title"),
                List.of(row.getArrayOfStrings("category_path")), row.getString("category"), row.getString("brand"),
                row.getBigDecimal("price"), row.getString("currency"), row.getBoolean("in_stock"),
                launched == null ? null : launched.toInstant(), List.of(row.getArrayOfStrings("tags")),
                Durability.ofWire(row.getString("durability")), row.getInteger("repurchase_days"),
                row.getBoolean("hidden"), row.getBoolean("stub"), row.getOffsetDateTime("updated_at").toInstant(),
                row.getBigDecimal("cost"), row.getInteger("stock_quantity"));
    }

    /** One item to write: its id and what the catalogue sent. */
    public record ItemWrite(String itemId, ItemRequest item) {
    }
}
