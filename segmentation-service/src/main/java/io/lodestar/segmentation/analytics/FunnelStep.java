package io.lodestar.segmentation.analytics;

import java.util.Optional;

import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * The site funnel's steps in order, each a bit of {@code funnel_reach.steps}. Exposure is a product view, click a
 * click or a recommendation click, pay a paid order; other behaviours are in no step.
 */
enum FunnelStep {
    EXPOSURE("exposure"), CLICK("click"), ADD_TO_CART("add_to_cart"), CHECKOUT("checkout"), PAY("pay");

    private final String wireName;

    FunnelStep(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** The step this behaviour reaches, if any. */
    static Optional<FunnelStep> of(BehaviourType behaviour) {
        switch (behaviour) {
            case PRODUCT_VIEW:
                return Optional.of(EXPOSURE);
            case CLICK:
            case RECOMMENDATION_CLICK:
                return Optional.of(CLICK);
            case ADD_TO_CART:
                return Optional.of(ADD_TO_CART);
            case CHECKOUT:
                return Optional.of(CHECKOUT);
            default:
                return Optional.empty();
        }
    }
}
