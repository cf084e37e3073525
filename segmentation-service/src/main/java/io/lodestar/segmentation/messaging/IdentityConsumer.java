package io.lodestar.segmentation.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.platform.messaging.EventIntake;
import io.lodestar.segmentation.feature.FeatureService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Merges (re-key to the survivor) and erasures (forget) from {@code lodestar.identity.v1}. */
@ApplicationScoped
public class IdentityConsumer {

    public static final String CHANNEL = "identity";

    private final EventIntake intake;
    private final FeatureService features;

    public IdentityConsumer(EventIntake intake, FeatureService features) {
        this.intake = intake;
        this.features = features;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        return intake.accept(CHANNEL, json, features::applyIdentityEvent);
    }
}
