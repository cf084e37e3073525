package io.lodestar.campaign.messaging;

import io.lodestar.campaign.feedback.FeedbackService;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes gateway feedback (funnel, unsubscribes, journeys); a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class CampaignFeedbackConsumer {

    public static final String CHANNEL = "campaign-feedback";

    private final EventIntake intake;
    private final FeedbackService feedback;

    public CampaignFeedbackConsumer(EventIntake intake, FeedbackService feedback) {
        this.intake = intake;
        this.feedback = feedback;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, feedback::applyFeedback);
    }
}
