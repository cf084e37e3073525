package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.Objects;

import io.lodestar.contracts.behaviour.BehaviourType;

/** One behaviour event (a {@code behaviour_event} row), counted by type in a window before the cutoff when the spec asks. */
public record BehaviourEvent(String customerId, Instant occurredAt, BehaviourType type) {

    public BehaviourEvent {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        Objects.requireNonNull(occurredAt, () -> "occurredAt of an event of customer " + customerId + " must not be null");
        Objects.requireNonNull(type, () -> "type of an event of customer " + customerId + " must not be null");
    }
}
