package io.lodestar.recommendation.messaging;

import io.lodestar.platform.messaging.EventIntake;
import io.lodestar.recommendation.interaction.InteractionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes paid orders and refunds; a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class OrdersConsumer {

    public static final String CHANNEL = "orders";

    private final EventIntake intake;
    private final InteractionService interactions;

    public OrdersConsumer(EventIntake intake, InteractionService interactions) {
        this.intake = intake;
        this.interactions = interactions;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, interactions::applyOrderEvent);
    }
}
