package io.lodestar.customerprofile.merge;

import java.time.Instant;

/** What a merge did; the same answer for every repetition of it. */
public record MergeView(String survivorId, String mergedId, Instant mergedAt, int identitiesMoved, int ordersMoved,
        int eventsMoved) {

    static MergeView of(CustomerMerge merge) {
        return new MergeView(merge.survivorId, merge.mergedId, merge.mergedAt, merge.identitiesMoved,
                merge.ordersMoved, merge.eventsMoved);
    }
}
