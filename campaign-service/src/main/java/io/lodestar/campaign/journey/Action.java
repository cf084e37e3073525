package io.lodestar.campaign.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * What the runner must do after an advance of {@link JourneyStateMachine}, in order. The state machine decides; the
 * runner performs (sends, schedules, records), in the same transaction as it stores {@link Advance#next()}.
 */
public sealed interface Action {

    /**
     * Send the message of a step. The state machine emits it once per step per instance (steps form a DAG); the
     * runner records the executed step ({@code journey_step}) as well, so that a retry after a crash sends nothing
     * twice.
     */
    record SendMessage(String stepId, JourneyStep.Send step) implements Action {

        public SendMessage {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(step, "step");
        }
    }

    /** Look at the instance again at {@code at} (store it as {@code wake_at}). */
    record ScheduleWake(Instant at) implements Action {

        public ScheduleWake {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The instance is over, with this final status and reason (store {@code finished_at}, stop tracking it). */
    record Finish(JourneyState.Status status, String reason) implements Action {

        public Finish {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            if (!status.isFinished()) {
                throw new IllegalArgumentException("not a final status: " + status);
            }
        }
    }
}
