package io.lodestar.segmentation.alert;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the hourly order figures the alert rules watch, from {@code lodestar.orders.v1} (its own consumer group, so
 * the figures can be rebuilt by replaying the topic without touching the customer features). Each event runs in one
 * transaction with its processed-event marker; a paid order also counts once by its order id. Every order counts,
 * guests' too: these are shop figures, not customer facts. The hour is the event's own paid / refunded time (UTC), so a
 * late event updates its hour; an hour already evaluated is not evaluated again.
 */
@ApplicationScoped
public class OrderFiguresService {

    static final String CONSUMER = "segmentation.orders-alerts";

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final OrderFiguresRepository figures;

    public OrderFiguresService(Pool pool, IdempotentConsumerGuard guard, OrderFiguresRepository figures) {
        this.pool = pool;
        this.guard = guard;
        this.figures = figures;
    }

    /** {@code order.paid} adds an order and its amount, {@code order.refunded} a refund; the others change nothing. */
    public Uni<Void> apply(EventEnvelope<?> event) {
        if (event.payload() instanceof OrderPaid paid) {
            String channel = paid.channel() == null ? OrderFiguresRepository.UNKNOWN_CHANNEL
                    : WireNames.of(paid.channel());
            return pool.withTransaction(connection -> guard.once(connection, CONSUMER, event, () ->
                    figures.addPaidOrder(connection, paid.orderId(), channel, paid.paidAt(), paid.paidAmount())))
                    .replaceWithVoid();
        }
        if (event.payload() instanceof OrderRefunded refund) {
            return pool.withTransaction(connection -> guard.once(connection, CONSUMER, event, () ->
                    figures.addRefund(connection, refund.orderId(), refund.refundedAt(),
                            refund.refundAmount().abs())))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
