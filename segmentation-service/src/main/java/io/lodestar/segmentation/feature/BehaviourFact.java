package io.lodestar.segmentation.feature;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;

/** A behaviour event as segmentation keeps it (enough for counters, time-windowed rules and active hours). */
public record BehaviourFact(UUID eventId, String customerId, BehaviourType behaviour, String channel, String itemId,
        String category, Instant occurredAt) {

    public BehaviourFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static BehaviourFact of(UUID eventId, BehaviourRecorded event, String customerId) {
        return new BehaviourFact(eventId, customerId, event.behaviour(), WireNames.of(event.channel()),
                event.itemId(), event.category(), event.occurredAt());
    }
}
