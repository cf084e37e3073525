package io.lodestar.customerprofile.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.customerprofile.consent.ConsentService;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Campaign feedback from the channel gateways: an unsubscribe revokes that channel's consent. */
@ApplicationScoped
public class CampaignFeedbackConsumer {

    public static final String CHANNEL = "campaign-feedback";

    private final EventIntake intake;
    private final ConsentService consents;

    public CampaignFeedbackConsumer(EventIntake intake, ConsentService consents) {
        this.intake = intake;
        this.consents = consents;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, consents::apply);
    }
}
