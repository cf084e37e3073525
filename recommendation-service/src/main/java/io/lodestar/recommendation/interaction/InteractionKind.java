package io.lodestar.recommendation.interaction;

import java.util.Locale;
import java.util.Optional;

import io.lodestar.contracts.behaviour.BehaviourType;

/** What a customer did with an item, as recommendation-service stores it (column {@code interaction.kind}). */
public enum InteractionKind {
    PRODUCT_VIEW, CLICK, FAVORITE, ADD_TO_CART, REMOVE_FROM_CART, SHARE, RECOMMENDATION_CLICK, ORDER, REFUND,
    NOT_INTERESTED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InteractionKind ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /**
     * The kind a behaviour event records about its item, if any. Page views, searches, checkouts, coupon claims,
     * live-stream watches and impressions say nothing about one item's appeal (an impression is what we showed, not
     * what they chose) and are not interactions.
     */
    public static Optional<InteractionKind> of(BehaviourType behaviour) {
        switch (behaviour) {
            case PRODUCT_VIEW: return Optional.of(PRODUCT_VIEW);
            case CLICK: return Optional.of(CLICK);
            case FAVORITE: return Optional.of(FAVORITE);
            case ADD_TO_CART: return Optional.of(ADD_TO_CART);
            case REMOVE_FROM_CART: return Optional.of(REMOVE_FROM_CART);
            case SHARE: return Optional.of(SHARE);
            case RECOMMENDATION_CLICK: return Optional.of(RECOMMENDATION_CLICK);
            default: return Optional.empty();
        }
    }
}
