package io.lodestar.segmentation.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.platform.messaging.EventIntake;
import io.lodestar.segmentation.feature.FeatureService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Profile snapshots from the compacted {@code lodestar.customers.v1}: the attributes segments target. */
@ApplicationScoped
public class CustomersConsumer {

    public static final String CHANNEL = "customers";

    private final EventIntake intake;
    private final FeatureService features;

    public CustomersConsumer(EventIntake intake, FeatureService features) {
        this.intake = intake;
        this.features = features;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String json) {
        if (json == null) {
            // A tombstone: compaction's way to drop an erased profile. The erasure itself arrives on
            // lodestar.identity.v1, which is what forgets the customer here.
            return Uni.createFrom().voidItem();
        }
        return intake.accept(CHANNEL, json, features::applyCustomerEvent);
    }
}
