package io.lodestar.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a channel gateway observed about a message it sent. */
public enum FeedbackKind {
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("opened") OPENED,
    @JsonProperty("clicked") CLICKED,
    @JsonProperty("bounced") BOUNCED,
    /** The customer withdrew consent for this channel; campaigns must stop using it for them. */
    @JsonProperty("unsubscribed") UNSUBSCRIBED
}
