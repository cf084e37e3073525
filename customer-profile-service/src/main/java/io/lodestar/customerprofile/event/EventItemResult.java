package io.lodestar.customerprofile.event;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lodestar.platform.problem.Problem;

/**
 * What happened to one event of a batch.
 *
 * @param index      its position in the batch
 * @param customerId whom it was recorded for (after identity resolution and merges); for an anonymous visitor
 *                   the visitor id
 * @param violations why it was rejected
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventItemResult(int index, UUID eventId, Status status, String customerId, Boolean anonymous,
        List<Problem.Violation> violations) {

    public enum Status {
        @com.fasterxml.jackson.annotation.JsonProperty("accepted") ACCEPTED,
        @com.fasterxml.jackson.annotation.JsonProperty("duplicate") DUPLICATE,
        @com.fasterxml.jackson.annotation.JsonProperty("rejected") REJECTED
    }

    static EventItemResult rejected(int index, UUID eventId, List<Problem.Violation> violations) {
        return new EventItemResult(index, eventId, Status.REJECTED, null, null, violations);
    }
}
