package io.lodestar.segmentation.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.segment.SegmentEntered;
import io.lodestar.contracts.segment.SegmentExited;
import io.lodestar.contracts.segment.SegmentKind;

/** Turns tag changes into the entered / exited events of {@code lodestar.segment-membership.v1}. */
public final class MembershipEvents {

    static final String PRODUCER = "segmentation-service";

    private MembershipEvents() {
    }

    /**
     * The events of one change: an exit from the old value's segment (if any) and an entry into the new one (if any),
     * each naming the other value in its reason. Descriptive tags give none.
     */
    public static List<EventEnvelope<?>> of(TagChange change, Instant at) {
        Optional<SegmentKind> kind = change.after() != null ? change.after().membership()
                : Tag.Names.membershipKind(change.name());
        if (kind.isEmpty()) {
            return List.of();
        }
        List<EventEnvelope<?>> events = new ArrayList<>(2);
        String after = change.afterValue();
        if (change.before() != null) {
            String segment = Tag.segmentId(change.name(), change.before());
            String reason = after == null ? change.name() + " no longer applies (was " + change.before() + ")"
                    : change.name() + " changed from " + change.before() + " to " + after + ": "
                            + change.after().reason();
            events.add(EventEnvelope.of(EventType.SEGMENT_EXITED, PRODUCER, change.customerId(),
                    new SegmentExited(segment, segment, kind.get(), change.customerId(), reason, at)));
        }
        if (after != null) {
            String reason = change.before() == null ? change.after().reason()
                    : change.name() + " changed from " + change.before() + " to " + after + ": "
                            + change.after().reason();
            events.add(EventEnvelope.of(EventType.SEGMENT_ENTERED, PRODUCER, change.customerId(),
                    new SegmentEntered(Tag.segmentId(change.name(), after), change.after().label(), kind.get(),
                            change.customerId(), reason, at)));
        }
        return events;
    }
}
