package io.lodestar.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Channel a campaign message is sent through. Differs from {@link Channel}: these are the ways we reach
 * a customer, and consent is given per message channel.
 */
public enum MessageChannel {
    @JsonProperty("app_push") APP_PUSH,
    @JsonProperty("sms") SMS,
    @JsonProperty("mini_program") MINI_PROGRAM,
    @JsonProperty("email") EMAIL,
    @JsonProperty("wecom") WECOM,
    @JsonProperty("live_stream") LIVE_STREAM,
    @JsonProperty("community") COMMUNITY
}
