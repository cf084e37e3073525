package io.lodestar.recommendation.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether buying an item once ends the need for it (durable) or the customer will need it again (consumable). */
public enum Durability {
    @JsonProperty("durable") DURABLE,
    @JsonProperty("consumable") CONSUMABLE;

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Durability ofWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
