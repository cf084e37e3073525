package io.lodestar.campaign.journey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A journey: a campaign that runs per customer, from a {@link JourneyTrigger} through {@link JourneyStep steps}.
 * The {@code journey} object operators post inside a campaign definition, stored with it as JSONB:
 *
 * <pre>{@code
 * {"trigger": {"type": "segment_entered", "segmentId": "churn=high"},
 *  "entryStep": "offer",
 *  "steps": [{"type": "send", "id": "offer", "template": "...", "withOffer": true, "next": "wait"}, ...],
 *  "exitOn": ["order_paid"],
 *  "reentry": "P30D"}
 * }</pre>
 *
 * <p>The steps form a directed acyclic graph from {@code entryStep}, so that every step runs at most once per
 * instance and every instance ends; {@link JourneyValidator} checks that and the rest. The record itself accepts an
 * invalid definition, so that the validator can report every fault at once.
 *
 * @param trigger   what starts an instance
 * @param entryStep the id of the first step
 * @param steps     the steps in the order written (the order only matters for error paths); never {@code null}
 * @param exitOn    events that end a live instance at once, whatever step it is at ({@code EXITED}); never
 *                  {@code null}
 * @param reentry   {@code null}: a customer enters once ever; else they may enter again this long after their last
 *                  entry (while an instance is live they never enter twice)
 */
public record JourneyDefinition(
        JourneyTrigger trigger,
        String entryStep,
        List<JourneyStep> steps,
        List<JourneyEvent> exitOn,
        // ISO-8601 text (P30D) as operators write it, rather than the mapper's default of seconds.
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration reentry) {

    public JourneyDefinition {
        steps = Lists.copyOrEmpty(steps, "steps");
        exitOn = Lists.copyOrEmpty(exitOn, "exitOn");
    }

    /** The first step with this id (ids are unique in a valid definition). */
    public Optional<JourneyStep> step(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return steps.stream().filter(step -> id.equals(step.id())).findFirst();
    }

    /** Whether {@code event} ends a live instance at once. */
    public boolean exitsOn(JourneyEvent event) {
        return exitOn.contains(event);
    }
}
