package io.lodestar.segmentation.rule;

import java.util.HashSet;
import java.util.Set;

/** Questions about a whole tree that callers ask before evaluating it. */
public final class Conditions {

    private Conditions() {
    }

    /**
     * How many days before the evaluation instant the tree looks at orders, refunds and behaviour events (the longest
     * window of {@code orders_in_last_days}, {@code spend_in_last_days} and {@code event_count}, referenced segments
     * included); 0 when it reads none. {@link CustomerFacts} must hold at least the records of that many days.
     */
    public static int lookbackDays(Condition condition, SegmentLookup segments) {
        return lookbackDays(condition, segments, new HashSet<>());
    }

    private static int lookbackDays(Condition condition, SegmentLookup segments, Set<String> seen) {
        int days = 0;
        if (condition instanceof FeatureCondition feature && feature.days() != null) {
            days = feature.days();
        } else if (condition instanceof EventCountCondition events) {
            days = events.days();
        } else if (condition instanceof SegmentReference reference && seen.add(reference.segmentId())) {
            days = segments.find(reference.segmentId()).map(c -> lookbackDays(c, segments, seen)).orElse(0);
        }
        for (Condition operand : condition.operands()) {
            days = Math.max(days, lookbackDays(operand, segments, seen));
        }
        return days;
    }
}
