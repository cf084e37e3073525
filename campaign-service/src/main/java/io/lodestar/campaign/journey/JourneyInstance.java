package io.lodestar.campaign.journey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A customer's journey as stored: the state machine's state plus who, which campaign, and its version. */
public record JourneyInstance(UUID instanceId, String campaignId, String customerId, String group,
                              JourneyState state, Instant enteredAt, Set<JourneyEvent> events, int version) {
}
