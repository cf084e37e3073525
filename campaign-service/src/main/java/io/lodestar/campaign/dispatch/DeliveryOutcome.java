package io.lodestar.campaign.dispatch;

/** How many of a batch of deliveries were dispatched, held for the send window, skipped, or already decided. */
public record DeliveryOutcome(int dispatched, int held, int skipped, int duplicates) {

    public static final DeliveryOutcome NONE = new DeliveryOutcome(0, 0, 0, 0);

    public int decided() {
        return dispatched + held + skipped;
    }
}
