package io.lodestar.campaign.messaging;

import io.lodestar.campaign.journey.JourneyService;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes segment entrants (journey triggers); a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class SegmentMembershipConsumer {

    public static final String CHANNEL = "segment-membership";

    private final EventIntake intake;
    private final JourneyService journeys;

    public SegmentMembershipConsumer(EventIntake intake, JourneyService journeys) {
        this.intake = intake;
        this.journeys = journeys;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, journeys::applySegmentEvent);
    }
}
