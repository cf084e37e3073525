package io.lodestar.segmentation.rule;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The condition trees of the stored rule segments, by segment id: what a {@link SegmentReference} is resolved against,
 * at validation (unknown ids, cycles) and at evaluation (the referenced tree is inlined). The caller loads them (they
 * are few and small) before validating or evaluating; a lookup must not change while one evaluation runs.
 */
@FunctionalInterface
public interface SegmentLookup {

    /** The condition of the rule segment with this id, or empty when there is none. */
    Optional<Condition> find(String segmentId);

    /** A lookup over a map of segment id to condition (the map is copied). */
    static SegmentLookup of(Map<String, Condition> conditions) {
        Map<String, Condition> copy = Map.copyOf(conditions);
        return id -> Optional.ofNullable(copy.get(id));
    }

    /** No segments: any reference is unknown. */
    static SegmentLookup none() {
        return id -> Optional.empty();
    }

    /** This lookup with {@code segmentId} answered by {@code condition} (a segment being created or changed). */
    default SegmentLookup with(String segmentId, Condition condition) {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(condition, "condition");
        return id -> segmentId.equals(id) ? Optional.of(condition) : find(id);
    }
}
