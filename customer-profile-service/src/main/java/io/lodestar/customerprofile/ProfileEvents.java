package io.lodestar.customerprofile;

/** Facts shared by every event this service publishes. */
public final class ProfileEvents {

    /** The envelope {@code producer} of this service's events. */
    public static final String PRODUCER = "customer-profile-service";

    private ProfileEvents() {
    }
}
