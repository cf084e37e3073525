package io.lodestar.contracts.segment;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer became a member of a segment. Only changes are published (entrants and leavers), never
 * the full membership.
 *
 * <p>Same shape as {@link SegmentExited}, but a separate type because consumers act on the two
 * differently (start a journey, stop one) and can route on the envelope's {@code type} alone.
 *
 * @param segmentName the segment's display name when the change happened, so consumers need no lookup
 * @param reason      why, in words an operator can read, e.g. {@code "R=4 F=1 M=2 → important develop"}
 * @param at          when the membership changed
 */
public record SegmentEntered(
        @JsonProperty(required = true) String segmentId,
        @JsonProperty(required = true) String segmentName,
        @JsonProperty(required = true) SegmentKind kind,
        @JsonProperty(required = true) String customerId,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) Instant at) {

    public SegmentEntered {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
