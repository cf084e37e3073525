package io.lodestar.segmentation.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.platform.messaging.EventIntake;
import io.lodestar.segmentation.alert.OrderFiguresService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Paid orders and refunds from {@code lodestar.orders.v1} in a consumer group of their own ({@code orders-alerts}):
 * the hourly order figures of the alert rules.
 */
@ApplicationScoped
public class OrdersAlertsConsumer {

    public static final String CHANNEL = "orders-alerts";

    private final EventIntake intake;
    private final OrderFiguresService figures;

    public OrdersAlertsConsumer(EventIntake intake, OrderFiguresService figures) {
        this.intake = intake;
        this.figures = figures;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, figures::apply);
    }
}
