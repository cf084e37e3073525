package io.lodestar.campaign.messaging;

import io.lodestar.campaign.contact.ContactService;
import io.lodestar.platform.messaging.EventIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes profile snapshots (consent per channel, time zone, name, tier); a record it cannot parse or apply goes to the channel's dead-letter topic. */
@ApplicationScoped
public class CustomersConsumer {

    public static final String CHANNEL = "customers";

    private final EventIntake intake;
    private final ContactService contacts;

    public CustomersConsumer(EventIntake intake, ContactService contacts) {
        this.intake = intake;
        this.contacts = contacts;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, contacts::applyCustomerEvent);
    }
}
