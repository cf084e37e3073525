package io.lodestar.segmentation.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.platform.messaging.EventIntake;
import io.lodestar.segmentation.feature.FeatureService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Paid orders and refunds from {@code lodestar.orders.v1}: frequency, spend and category features. */
@ApplicationScoped
public class OrdersConsumer {

    public static final String CHANNEL = "orders";

    private final EventIntake intake;
    private final FeatureService features;

    public OrdersConsumer(EventIntake intake, FeatureService features) {
        this.intake = intake;
        this.features = features;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, features::applyOrderEvent);
    }
}
