package io.lodestar.campaign.messaging;

import io.lodestar.campaign.attribution.AttributionService;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes paid and refunded orders (attribution, conversions, coupons, journeys); a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class OrdersConsumer {

    public static final String CHANNEL = "orders";

    private final EventIntake intake;
    private final AttributionService attributions;

    public OrdersConsumer(EventIntake intake, AttributionService attributions) {
        this.intake = intake;
        this.attributions = attributions;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, attributions::applyOrderEvent);
    }
}
