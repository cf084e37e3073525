package io.lodestar.campaign.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a channel was refused, or why a message was not delivered at all. The wire names (lower snake case, as the
 * contracts enums write them) are what dispatch reports and logs carry, so analysts can count skips by reason.
 */
public enum SkipReason {
    /** The customer has not consented to marketing on the channel. */
    @JsonProperty("no_consent") NO_CONSENT,
    /** One more message would exceed a frequency cap on the day it would be sent. */
    @JsonProperty("capped") CAPPED,
    /** The customer's send window has no open hours, so the message could only be held forever. */
    @JsonProperty("window_never_opens") WINDOW_NEVER_OPENS,
    /** The campaign named no channel to try; a decision reason only, never a channel refusal. */
    @JsonProperty("no_channel") NO_CHANNEL
}
