package io.lodestar.recommendation.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Whether buying an item once ends the need for it (durable) or the customer will need it again (consumable). */
public enum Durability {
    @JsonProperty("durable") DURABLE,
    @JsonProperty("consumable") CONSUMABLE;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Durability ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
