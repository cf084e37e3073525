package io.lodestar.campaign.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.lodestar.campaign.journey.JourneyState.Status;
import io.lodestar.contracts.WireNames;

/**
 * Moves one journey instance along its definition: pure and deterministic (the time is an argument, the facts are
 * a snapshot), so that every path of a journey is a unit test and the runner around it only loads, stores and
 * performs {@link Action actions}.
 *
 * <p>One advance runs the steps that execute at once, in order, until the instance parks or ends:
 * <ul>
 *   <li>{@link JourneyStep.Send} emits a {@link Action.SendMessage} and moves on to {@code next};</li>
 *   <li>{@link JourneyStep.Branch} tests its condition against the facts and moves on to {@code then} or
 *       {@code otherwise} (a message sent earlier in the same advance counts as the last message, unopened);</li>
 *   <li>{@link JourneyStep.Exit} finishes the instance as {@link Status#COMPLETED}, reason {@code exit_step:<id>};</li>
 *   <li>{@link JourneyStep.Wait} and {@link JourneyStep.WaitFor} park it as {@link Status#WAITING} until
 *       {@code now + duration} or {@code now + timeout}, with a {@link Action.ScheduleWake}.</li>
 * </ul>
 * Precedence, the same in {@link #advance} and {@link #onEvent}: a finished instance never changes; an
 * {@code exitOn} event ends a live instance ({@link Status#EXITED}, reason {@code exit_on:<event>}) before anything
 * else; then a pending instance's cancelling event ({@link Status#CANCELLED}, reason {@code cancelled_by:<event>});
 * then an awaited event, which wins over an elapsed timeout because the customer did what was awaited before the
 * runner handled the timeout.
 *
 * <p>The returned state is never {@link Status#ACTIVE}: that status only marks an instance due to run at once
 * ({@link JourneyState#entered}). A definition {@link JourneyValidator} would refuse (an unknown step, a cycle, a
 * missing duration) makes an advance fail with an {@link IllegalStateException} naming the step, rather than send a
 * message twice or loop.
 */
public final class JourneyStateMachine {

    private JourneyStateMachine() {
    }

    /**
     * Enters a new instance at {@code now} and runs it as far as it goes: a pending instance (entry delay) with a
     * wake-up at the end of the delay, or the entry step onwards at once.
     */
    public static Advance start(JourneyDefinition definition, JourneyFacts facts, Instant now) {
        JourneyState entered = JourneyState.entered(definition, now);
        if (entered.status() == Status.PENDING) {
            return new Advance(entered, List.of(new Action.ScheduleWake(entered.wakeAt())));
        }
        return advance(definition, entered, facts, now);
    }

    /**
     * Advances an instance that is due (or may be): ends a pending instance whose cancelling event happened, starts
     * one whose delay is over, wakes a waiting one whose awaited event happened or whose time is up, runs an active
     * one. Anything not yet due comes back {@link Advance#unchanged unchanged}.
     *
     * @param facts what is known about the customer now; its {@code eventsSinceStepStarted} are the events since
     *              {@code state.stepStartedAt()}
     */
    public static Advance advance(JourneyDefinition definition, JourneyState state, JourneyFacts facts, Instant now) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(now, "now");
        if (state.status().isFinished()) {
            return Advance.unchanged(state);
        }
        // An exitOn event the runner recorded but did not hand to onEvent ends the instance the same way.
        for (JourneyEvent event : definition.exitOn()) {
            if (facts.saw(event)) {
                return exited(state, event);
            }
        }
        switch (state.status()) {
            case PENDING:
                JourneyEvent cancelling = trigger(definition).cancelledBy();
                if (cancelling != null && facts.saw(cancelling)) {
                    return cancelled(state, cancelling);
                }
                return due(state, now) ? run(definition, definition.entryStep(), "entryStep", facts, now)
                        : Advance.unchanged(state);
            case ACTIVE:
                return run(definition, state.stepId(), "the active state", facts, now);
            case WAITING:
                return wake(definition, state, facts, now);
            default:
                throw new IllegalStateException("unexpected status " + state.status());
        }
    }

    /**
     * Reacts to {@code event} happening to the customer at {@code now}: an {@code exitOn} event ends the instance,
     * the awaited event of a wait-for continues at its {@code onEvent} step, a pending instance's cancelling event
     * withdraws it; any other event changes nothing (the runner still records it for the facts).
     */
    public static Advance onEvent(JourneyDefinition definition, JourneyState state, JourneyEvent event,
                                  JourneyFacts facts, Instant now) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(now, "now");
        if (state.status().isFinished()) {
            return Advance.unchanged(state);
        }
        if (definition.exitsOn(event)) {
            return exited(state, event);
        }
        if (state.status() == Status.WAITING
                && step(definition, state.stepId(), "the waiting state") instanceof JourneyStep.WaitFor waitFor
                && waitFor.event() == event) {
            return run(definition, waitFor.onEvent(), waitFor.id() + ".onEvent", facts, now);
        }
        if (state.status() == Status.PENDING && trigger(definition).isCancelledBy(event)) {
            return cancelled(state, event);
        }
        return Advance.unchanged(state);
    }

    private static Advance wake(JourneyDefinition definition, JourneyState state, JourneyFacts facts, Instant now) {
        JourneyStep step = step(definition, state.stepId(), "the waiting state");
        if (step instanceof JourneyStep.WaitFor waitFor) {
            if (waitFor.event() != null && facts.saw(waitFor.event())) {
                return run(definition, waitFor.onEvent(), waitFor.id() + ".onEvent", facts, now);
            }
            return due(state, now) ? run(definition, waitFor.onTimeout(), waitFor.id() + ".onTimeout", facts, now)
                    : Advance.unchanged(state);
        }
        if (step instanceof JourneyStep.Wait wait) {
            return due(state, now) ? run(definition, wait.next(), wait.id() + ".next", facts, now)
                    : Advance.unchanged(state);
        }
        throw new IllegalStateException("journey step '" + step.id()
                + "' is not a wait or wait_for step, yet the instance is waiting at it");
    }

    /**
     * Runs from step {@code id} until the instance parks or ends. {@code from} says where the id came from, for the
     * error when it names no step.
     */
    private static Advance run(JourneyDefinition definition, String id, String from, JourneyFacts facts,
                               Instant now) {
        List<Action> actions = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        JourneyFacts current = facts;
        String stepId = id;
        String origin = from;
        while (true) {
            JourneyStep step = step(definition, stepId, origin);
            if (!visited.add(step.id())) {
                throw new IllegalStateException("journey step '" + step.id()
                        + "' is reached twice in one advance: the steps form a cycle");
            }
            if (step instanceof JourneyStep.Send send) {
                if (send.template() == null || send.template().isBlank()) {
                    throw new IllegalStateException("journey step '" + send.id() + "' has no template");
                }
                actions.add(new Action.SendMessage(send.id(), send));
                current = current.afterMessageSent(now);
                stepId = send.next();
                origin = send.id() + ".next";
            } else if (step instanceof JourneyStep.Branch branch) {
                boolean holds = test(branch, current);
                stepId = holds ? branch.then() : branch.otherwise();
                origin = branch.id() + (holds ? ".then" : ".otherwise");
            } else if (step instanceof JourneyStep.Exit exit) {
                String reason = "exit_step:" + exit.id();
                actions.add(new Action.Finish(Status.COMPLETED, reason));
                return new Advance(new JourneyState(exit.id(), Status.COMPLETED, null, now, reason), actions);
            } else if (step instanceof JourneyStep.Wait wait) {
                return park(wait.id(), required(wait.duration(), wait.id(), "duration"), now, actions);
            } else if (step instanceof JourneyStep.WaitFor waitFor) {
                if (waitFor.event() == null) {
                    throw new IllegalStateException("journey step '" + waitFor.id() + "' has no event");
                }
                return park(waitFor.id(), required(waitFor.timeout(), waitFor.id(), "timeout"), now, actions);
            } else {
                throw new IllegalStateException("unknown kind of journey step '" + step.id() + "'");
            }
        }
    }

    private static Advance park(String stepId, Duration duration, Instant now, List<Action> actions) {
        Instant wakeAt = now.plus(duration);
        actions.add(new Action.ScheduleWake(wakeAt));
        return new Advance(new JourneyState(stepId, Status.WAITING, wakeAt, now, null), actions);
    }

    private static boolean test(JourneyStep.Branch branch, JourneyFacts facts) {
        if (branch.condition() == null) {
            throw new IllegalStateException("journey step '" + branch.id() + "' has no condition");
        }
        try {
            return branch.condition().test(facts);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("journey step '" + branch.id() + "': " + e.getMessage(), e);
        }
    }

    private static Advance exited(JourneyState state, JourneyEvent event) {
        return finished(state, Status.EXITED, "exit_on:" + WireNames.of(event));
    }

    private static Advance cancelled(JourneyState state, JourneyEvent event) {
        return finished(state, Status.CANCELLED, "cancelled_by:" + WireNames.of(event));
    }

    /** Ends a live instance where it stands: same step and step start, no wake-up. */
    private static Advance finished(JourneyState state, Status status, String reason) {
        return new Advance(new JourneyState(state.stepId(), status, null, state.stepStartedAt(), reason),
                List.of(new Action.Finish(status, reason)));
    }

    private static boolean due(JourneyState state, Instant now) {
        if (state.wakeAt() == null) {
            throw new IllegalStateException("a " + WireNames.of(state.status()) + " instance at step '"
                    + state.stepId() + "' has no wakeAt");
        }
        return !state.wakeAt().isAfter(now);
    }

    private static JourneyStep step(JourneyDefinition definition, String id, String from) {
        if (id == null) {
            throw new IllegalStateException("no journey step given by " + from);
        }
        return definition.step(id).orElseThrow(() -> new IllegalStateException(
                "journey step '" + id + "' (given by " + from + ") does not exist"));
    }

    private static JourneyTrigger trigger(JourneyDefinition definition) {
        if (definition.trigger() == null) {
            throw new IllegalStateException("the journey has no trigger");
        }
        return definition.trigger();
    }

    private static Duration required(Duration duration, String stepId, String field) {
        if (duration == null) {
            throw new IllegalStateException("journey step '" + stepId + "' has no " + field);
        }
        return duration;
    }
}
