package io.lodestar.campaign.messaging;

import io.lodestar.campaign.contact.IdentityService;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes merges and erasures; a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class IdentityConsumer {

    public static final String CHANNEL = "identity";

    private final EventIntake intake;
    private final IdentityService identities;

    public IdentityConsumer(EventIntake intake, IdentityService identities) {
        this.intake = intake;
        this.identities = identities;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, identities::applyIdentityEvent);
    }
}
