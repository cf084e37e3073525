package io.lodestar.customerprofile.event;

import java.util.List;

/** The answer to {@code POST /events}: counts and one result per event, in batch order. */
public record EventBatchResult(int accepted, int duplicates, int rejected, List<EventItemResult> results) {

    static EventBatchResult of(List<EventItemResult> results) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (EventItemResult r : results) {
            switch (r.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new EventBatchResult(accepted, duplicates, rejected, results);
    }
}
