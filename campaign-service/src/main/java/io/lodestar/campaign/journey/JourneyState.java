package io.lodestar.campaign.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one journey instance is: the row the runner keeps per customer ({@code journey_instance}) reduced to what
 * {@link JourneyStateMachine} needs. Immutable: the state machine returns the next state rather than changing one.
 *
 * @param stepId        the current step; {@code null} while {@link Status#PENDING} (no step has started yet)
 * @param status        the lifecycle status
 * @param wakeAt        when the runner must look again (end of the entry delay, of a wait, of a wait-for's
 *                      timeout); {@code now} for an {@link Status#ACTIVE} instance that should run at once;
 *                      {@code null} once finished
 * @param stepStartedAt when the current step (or, while pending, the instance) started; the runner counts
 *                      {@link JourneyFacts#eventsSinceStepStarted()} from it and starts afresh when it changes
 * @param exitReason    why a finished instance ended ({@code exit_step:done}, {@code exit_on:order_paid},
 *                      {@code cancelled_by:order_paid}); {@code null} while live
 */
public record JourneyState(String stepId, Status status, Instant wakeAt, Instant stepStartedAt, String exitReason) {

    public JourneyState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stepStartedAt, "stepStartedAt");
    }

    /**
     * A new instance of {@code definition} entering at {@code now}: {@link Status#PENDING} until the trigger's entry
     * delay has passed, or {@link Status#ACTIVE} at the entry step (due at once) when there is no delay.
     */
    public static JourneyState entered(JourneyDefinition definition, Instant now) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(now, "now");
        if (definition.trigger() == null) {
            throw new IllegalStateException("the journey has no trigger");
        }
        Duration delay = definition.trigger().entryDelay();
        if (delay.isZero() || delay.isNegative()) {
            return new JourneyState(definition.entryStep(), Status.ACTIVE, now, now, null);
        }
        return new JourneyState(null, Status.PENDING, now.plus(delay), now, null);
    }

    /** The lifecycle of an instance; the wire names are those of the {@code journey_instance.status} column. */
    public enum Status {
        /** Entered; waiting out the trigger's entry delay, withdrawn by the trigger's cancelling event. */
        @JsonProperty("pending") PENDING,
        /** Due to run its current step now. Only ever an input: an advance always ends waiting or finished. */
        @JsonProperty("active") ACTIVE,
        /** Parked at a wait or wait-for step until {@code wakeAt} (or the awaited event). */
        @JsonProperty("waiting") WAITING,
        /** Reached an exit step. */
        @JsonProperty("completed") COMPLETED,
        /** Ended early by one of the journey's {@code exitOn} events. */
        @JsonProperty("exited") EXITED,
        /** Withdrawn while pending, because the trigger's condition no longer held. */
        @JsonProperty("cancelled") CANCELLED;

        /** Whether an instance in this status is over; a finished instance never changes again. */
        public boolean isFinished() {
            return this == COMPLETED || this == EXITED || this == CANCELLED;
        }
    }
}
