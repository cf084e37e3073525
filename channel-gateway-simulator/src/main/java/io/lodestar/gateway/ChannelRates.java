package io.lodestar.gateway;

/**
 * How one channel's messages fare, as conditional probabilities along the funnel. Conditional rates (rather than
 * shares of all sends) are what providers report and what campaign teams compare, and they make the invariants
 * hold by construction: nothing is opened that was not delivered, nothing clicked that was not opened.
 *
 * @param delivered             share of sends that are delivered; the rest bounce
 * @param openGivenDelivered    share of delivered messages that are opened (viewed, read, invite seen)
 * @param clickGivenOpened      share of opened messages whose link or item is clicked (for live streams: joined)
 * @param unsubscribeGivenDelivered share of delivered messages after which the customer withdraws consent
 */
public record ChannelRates(double delivered, double openGivenDelivered, double clickGivenOpened,
        double unsubscribeGivenDelivered) {

    public ChannelRates {
        requireProbability("delivered", delivered);
        requireProbability("openGivenDelivered", openGivenDelivered);
        requireProbability("clickGivenOpened", clickGivenOpened);
        requireProbability("unsubscribeGivenDelivered", unsubscribeGivenDelivered);
    }

    /** Share of all sends that end up clicked: delivered × open × click. */
    public double clickThroughOfSends() {
        return delivered * openGivenDelivered * clickGivenOpened;
    }

    ChannelRates withDelivered(double value) {
        return new ChannelRates(value, openGivenDelivered, clickGivenOpened, unsubscribeGivenDelivered);
    }

    ChannelRates withOpen(double value) {
        return new ChannelRates(delivered, value, clickGivenOpened, unsubscribeGivenDelivered);
    }

    ChannelRates withClick(double value) {
        return new ChannelRates(delivered, openGivenDelivered, value, unsubscribeGivenDelivered);
    }

    ChannelRates withUnsubscribe(double value) {
        return new ChannelRates(delivered, openGivenDelivered, clickGivenOpened, value);
    }

    private static void requireProbability(String name, double value) {
        // The negated form also rejects NaN, which every comparison fails.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + value);
        }
    }
}
