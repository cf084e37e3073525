package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.lodestar.recommendation.interaction.InteractionKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the {@code interaction} table with every row's instant, kind and order, which an evaluation needs and the
 * training snapshot ({@link io.lodestar.recommendation.training.TrainingDataRepository}) does not keep. Rows stream
 * through a cursor in pages and become compact records at once.
 */
@ApplicationScoped
public class InteractionHistoryRepository {

    private static final int FETCH = 10_000;

    private final Pool pool;

    public InteractionHistoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every interaction from {@code since} to {@code until} (inclusive), customer by customer in time order. */
    public Uni<List<RecordedInteraction>> load(Instant since, Instant until) {
        return pool.withTransaction(connection -> {
            List<RecordedInteraction> history = new ArrayList<>();
            return connection.prepare("""
                    SELECT customer_id, item_id, kind, quantity, order_id, occurred_at FROM interaction
                    WHERE occurred_at >= $1 AND occurred_at <= $2
                    ORDER BY customer_id, occurred_at, item_id""")
                    .onItem().transformToMulti(statement -> statement.createStream(FETCH,
                            Tuple.of(since.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC))).toMulti())
                    .onItem().invoke(row -> history.add(toInteraction(row)))
                    .collect().last()
                    .replaceWith(history);
        });
    }

    private static RecordedInteraction toInteraction(Row row) {
        return new RecordedInteraction(row.getString("customer_id"), row.getString("item_id"),
                InteractionKind.ofWire(row.getString("kind")), row.getInteger("quantity"), row.getString("order_id"),
                row.getOffsetDateTime("occurred_at").toInstant());
    }
}
