package io.lodestar.campaign.messaging;

import io.lodestar.campaign.journey.JourneyRunner;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes trending items (hot-item journeys); a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class ProductTrendsConsumer {

    public static final String CHANNEL = "product-trends";

    private final EventIntake intake;
    private final JourneyRunner journeys;

    public ProductTrendsConsumer(EventIntake intake, JourneyRunner journeys) {
        this.intake = intake;
        this.journeys = journeys;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, journeys::applyTrendEvent);
    }
}
