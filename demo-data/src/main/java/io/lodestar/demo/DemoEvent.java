package io.lodestar.demo;

import java.time.Instant;
import java.util.UUID;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;

/** A behaviour event of the demo history, as {@code POST /events} takes it. Item and category may be null. */
record DemoEvent(UUID eventId, String customerId, BehaviourType type, Channel channel, String itemId,
                 String category, String searchQuery, String sessionId, Instant occurredAt) {
}
