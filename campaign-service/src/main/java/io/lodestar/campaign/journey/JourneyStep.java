package io.lodestar.campaign.journey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import io.lodestar.contracts.MessageChannel;

/**
 * One step of a journey, named by its {@link #id()} and linked to the next ones by id. On the wire an object whose
 * {@code type} names the kind ({@code {"type": "wait_for", "id": "wait", "event": "order_paid", ...}}).
 *
 * <p>{@link Send} and {@link Branch} run at once, {@link Wait} and {@link WaitFor} park the instance, {@link Exit}
 * ends it. The links of every kind are listed by {@link #transitions()} together with the JSON field that holds
 * them, so that the validator and the runner walk the graph without switching on the kind.
 *
 * <p>Durations are written as ISO-8601 text ({@code PT72H}), as operators write them, rather than the mapper's
 * default of seconds.
 *
 * <p>Records accept missing values so that a definition read from JSON reports every fault at once, with its path,
 * from {@link JourneyValidator}; {@link JourneyStateMachine} refuses (with an {@link IllegalStateException}) to run
 * a step the validator would have refused.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JourneyStep.Send.class, name = "send"),
        @JsonSubTypes.Type(value = JourneyStep.Wait.class, name = "wait"),
        @JsonSubTypes.Type(value = JourneyStep.WaitFor.class, name = "wait_for"),
        @JsonSubTypes.Type(value = JourneyStep.Branch.class, name = "branch"),
        @JsonSubTypes.Type(value = JourneyStep.Exit.class, name = "exit")
})
public sealed interface JourneyStep {

    /** The step's id, unique within its journey; other steps and {@code entryStep} refer to it. */
    String id();

    /** The steps this one may lead to, in field order; empty for {@link Exit}. */
    List<Transition> transitions();

    /**
     * A link from a step to another.
     *
     * @param field    the JSON field of the step that holds the link ({@code next}, {@code onTimeout}, …)
     * @param targetId the id of the step it leads to, as written (may be {@code null} or unknown in an invalid
     *                 definition)
     */
    record Transition(String field, String targetId) {

        public Transition {
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * Sends one message, then goes on to {@code next} at once.
     *
     * @param template  the text with {@code {{name}}}, {@code {{recommendations}}}, {@code {{coupon}}} placeholders
     * @param channels  the channels to try, in preference order; {@code null} uses the campaign's channels
     * @param withOffer whether the message issues the campaign's coupon; absent means no
     */
    record Send(String id, String template, List<MessageChannel> channels,
                // Absent is a plain "no": the Lodestar mapper refuses a missing primitive unless told what it means.
                @JsonSetter(nulls = Nulls.AS_EMPTY) boolean withOffer,
                String next)
            implements JourneyStep {

        public Send {
            channels = Lists.copyOrNull(channels, "channels");
        }

        @Override
        public List<Transition> transitions() {
            return List.of(new Transition("next", next));
        }
    }

    /** Waits for {@code duration}, then goes on to {@code next}. */
    record Wait(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration duration, String next)
            implements JourneyStep {

        @Override
        public List<Transition> transitions() {
            return List.of(new Transition("next", next));
        }
    }

    /**
     * Waits for the customer to do {@code event}: goes on to {@code onEvent} when they do, to {@code onTimeout} when
     * {@code timeout} passes first.
     */
    record WaitFor(String id, JourneyEvent event, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration timeout,
                   String onEvent, String onTimeout)
            implements JourneyStep {

        @Override
        public List<Transition> transitions() {
            return List.of(new Transition("onEvent", onEvent), new Transition("onTimeout", onTimeout));
        }
    }

    /** Goes on to {@code then} when {@code condition} holds for the customer, else to {@code otherwise}. */
    record Branch(String id, JourneyCondition condition, String then, String otherwise) implements JourneyStep {

        @Override
        public List<Transition> transitions() {
            return List.of(new Transition("then", then), new Transition("otherwise", otherwise));
        }
    }

    /** Ends the instance as {@link JourneyState.Status#COMPLETED}; the step's id becomes the reason. */
    record Exit(String id) implements JourneyStep {

        @Override
        public List<Transition> transitions() {
            return List.of();
        }
    }
}
