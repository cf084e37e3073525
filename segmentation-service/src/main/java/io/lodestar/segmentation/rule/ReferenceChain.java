package io.lodestar.segmentation.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments an evaluation has entered through {@link SegmentReference}s, outermost first. Validation refuses
 * cycles; this guard turns one that slipped through (a lookup changed under a running evaluation) into an error
 * instead of endless recursion.
 */
record ReferenceChain(List<String> segmentIds) {

    static final ReferenceChain EMPTY = new ReferenceChain(List.of());

    ReferenceChain {
        segmentIds = List.copyOf(segmentIds);
    }

    /** The referenced segment's condition and the chain inside it. */
    Entered enter(String segmentId, SegmentLookup lookup) {
        List<String> ids = new ArrayList<>(segmentIds);
        ids.add(segmentId);
        if (segmentIds.contains(segmentId)) {
            throw new IllegalStateException("rule segments refer to each other in a cycle: " + String.join(" → ", ids));
        }
        Condition condition = lookup.find(segmentId).orElseThrow(() -> new IllegalStateException(
                "rule segment " + segmentId + " is referenced but does not exist"));
        return new Entered(condition, new ReferenceChain(ids));
    }

    record Entered(Condition condition, ReferenceChain chain) {
    }
}
