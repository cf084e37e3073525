package io.lodestar.segmentation.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.platform.messaging.EventIntake;
import io.lodestar.segmentation.feature.FeatureService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Behaviour from {@code lodestar.customer-events.v1}: browse, favourite and cart counters, channels and active hours. */
@ApplicationScoped
public class CustomerEventsConsumer {

    public static final String CHANNEL = "customer-events";

    private final EventIntake intake;
    private final FeatureService features;

    public CustomerEventsConsumer(EventIntake intake, FeatureService features) {
        this.intake = intake;
        this.features = features;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, features::applyBehaviourEvent);
    }
}
