package io.lodestar.contracts.segment;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer stopped being a member of a segment.
 * Same shape as {@link SegmentEntered}; see there why they are two types.
 *
 * @param segmentName the segment's display name when the change happened, so consumers need no lookup
 * @param reason      why, in words an operator can read, e.g. {@code "R=4 F=1 M=2 → important develop"}
 * @param at          when the membership changed
 */
public record SegmentExited(
        @JsonProperty(required = true) String segmentId,
        @JsonProperty(required = true) String segmentName,
        @JsonProperty(required = true) SegmentKind kind,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) Instant at) {

    public SegmentExited {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
