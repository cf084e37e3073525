package io.lodestar.campaign.journey;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one step of {@link JourneyStateMachine}: the state to store and the actions to perform. An
 * unchanged advance (nothing due) has {@code next} equal to the input and no actions.
 *
 * @param next    the instance's new state
 * @param actions what to do, in order: messages to send, then the wake-up or the finish
 */
public record Advance(JourneyState next, List<Action> actions) {

    public Advance {
        Objects.requireNonNull(next, "next");
        actions = List.copyOf(actions);
    }

    /** Nothing is due: the same state, no action. */
    public static Advance unchanged(JourneyState state) {
        return new Advance(state, List.of());
    }

    /** The messages to send, in order. */
    public List<Action.SendMessage> sends() {
        return actions.stream()
                .filter(Action.SendMessage.class::isInstance)
                .map(Action.SendMessage.class::cast)
                .toList();
    }
}
