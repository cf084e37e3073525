package io.lodestar.recommendation.serving;

import java.util.Locale;
import java.util.Optional;

/** Where the recommendations will be shown; each scene mixes the models differently. */
public enum Scene {
    /** The home page: the customer's taste (ALS, item-CF), popular in their segment when there is no history. */
    HOME,
    /** A product page: items similar to and bought together with the page's item ({@code itemId} required). */
    PRODUCT,
    /** The cart: complements of what is in it (association rules first). */
    CART,
    /** A campaign message: like home, without the page's anchor; campaign-service asks for it at send time. */
    MESSAGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scene> parse(String wire) {
        for (Scene scene : values()) {
            if (scene.wire().equals(wire)) {
                return Optional.of(scene);
            }
        }
        return Optional.empty();
    }
}
