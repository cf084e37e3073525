package io.lodestar.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Touchpoint where a customer did something (registered, browsed, ordered). */
public enum Channel {
    @JsonProperty("app") APP,
    @JsonProperty("mini_program") MINI_PROGRAM,
    @JsonProperty("h5") H5,
    @JsonProperty("web") WEB,
    @JsonProperty("live_stream") LIVE_STREAM,
    @JsonProperty("community") COMMUNITY,
    @JsonProperty("offline") OFFLINE
}
