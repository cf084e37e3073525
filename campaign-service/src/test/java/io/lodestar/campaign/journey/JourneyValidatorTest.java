package io.lodestar.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.lodestar.campaign.journey.JourneyStep.Branch;
import io.lodestar.campaign.journey.JourneyStep.Exit;
import io.lodestar.campaign.journey.JourneyStep.Send;
import io.lodestar.campaign.journey.JourneyStep.Wait;
import io.lodestar.campaign.journey.JourneyStep.WaitFor;
import io.lodestar.contracts.MessageChannel;

/**
 * One test per kind of fault, each starting from a sound journey and breaking one thing, and asserting the exact JSON
 * path (and only that one, where the fault has no knock-on effect).
 */
class JourneyValidatorTest {

    /**
     * steps[0] offer (send) → steps[1] wait_order (wait_for: done | check) → steps[2] check (branch: done | pause)
     * → steps[3] pause (wait) → steps[4] done (exit). "done" has three links into it, so one of them can break
     * without making it unreachable.
     */
    static JourneyDefinition sound() {
        return new JourneyDefinition(
                new JourneyTrigger.SegmentEntered("churn=high"),
                "offer",
                List.of(
                        new Send("offer", "Hi {{name}}: {{coupon}}", List.of(MessageChannel.APP_PUSH), true,
                                "wait_order"),
                        new WaitFor("wait_order", JourneyEvent.ORDER_PAID, Duration.ofDays(3), "done", "check"),
                        new Branch("check", new JourneyCondition.ClickedLastMessage(), "done", "pause"),
                        new Wait("pause", Duration.ofHours(12), "done"),
                        new Exit("done")),
                List.of(JourneyEvent.ADDED_TO_CART),
                Duration.ofDays(30));
    }

    /** {@link #sound()} with step {@code i} replaced. */
    static JourneyDefinition withStep(int i, JourneyStep step) {
        return withSteps(steps -> {
            steps.set(i, step);
            return steps;
        });
    }

    static JourneyDefinition withSteps(UnaryOperator<List<JourneyStep>> change) {
        JourneyDefinition sound = sound();
        return new JourneyDefinition(sound.trigger(), sound.entryStep(), change.apply(new ArrayList<>(sound.steps())),
                sound.exitOn(), sound.reentry());
    }

    static JourneyDefinition withTrigger(JourneyTrigger trigger) {
        JourneyDefinition sound = sound();
        return new JourneyDefinition(trigger, sound.entryStep(), sound.steps(), sound.exitOn(), sound.reentry());
    }

    static JourneyDefinition withEntry(String entryStep) {
        JourneyDefinition sound = sound();
        return new JourneyDefinition(sound.trigger(), entryStep, sound.steps(), sound.exitOn(), sound.reentry());
    }

    static List<String> fields(JourneyDefinition definition) {
        return JourneyValidator.validate(definition).stream().map(Violation::field).toList();
    }

    static String message(JourneyDefinition definition, String field) {
        return JourneyValidator.validate(definition).stream().filter(v -> v.field().equals(field))
                .map(Violation::message).findFirst().orElseThrow();
    }

    @Test
    void aSoundJourneyHasNoViolation() {
        assertThat(JourneyValidator.validate(sound())).isEmpty();
    }

    @Test
    void anAbsentJourneyIsOneViolation() {
        assertThat(JourneyValidator.validate(null)).containsExactly(new Violation("journey", "is required"));
    }

    @Test
    void duplicateStepIdsAreReportedAtTheSecondOne() {
        JourneyDefinition definition = withSteps(steps -> {
            steps.add(new Exit("pause"));
            return steps;
        });

        assertThat(fields(definition)).containsExactly("journey.steps[5].id");
        assertThat(message(definition, "journey.steps[5].id")).isEqualTo("'pause' is already the id of steps[3]");
    }

    @Test
    void aMissingStepIdIsRequired() {
        JourneyDefinition definition = withSteps(steps -> {
            steps.add(new Exit(" "));
            return steps;
        });

        assertThat(fields(definition)).containsExactly("journey.steps[5].id");
    }

    @Test
    void aLinkToAnUnknownStepIsReportedAtItsField() {
        JourneyDefinition definition = withStep(2,
                new Branch("check", new JourneyCondition.ClickedLastMessage(), "dnoe", "pause"));

        assertThat(fields(definition)).containsExactly("journey.steps[2].then");
        assertThat(message(definition, "journey.steps[2].then")).isEqualTo("names no step: 'dnoe'");
    }

    @Test
    void aMissingLinkIsRequired() {
        JourneyDefinition definition = withStep(3, new Wait("pause", Duration.ofHours(12), null));

        assertThat(fields(definition)).containsExactly("journey.steps[3].next");
        assertThat(message(definition, "journey.steps[3].next")).isEqualTo("is required");
    }

    @Test
    void aMissingEntryStepIsRequired() {
        assertThat(fields(withEntry(null))).containsExactly("journey.entryStep");
        assertThat(message(withEntry(null), "journey.entryStep")).isEqualTo("is required");
    }

    @Test
    void anEntryStepThatNamesNoStepIsReported() {
        assertThat(fields(withEntry("ofer"))).containsExactly("journey.entryStep");
        assertThat(message(withEntry("ofer"), "journey.entryStep")).isEqualTo("names no step: 'ofer'");
    }

    @Test
    void aJourneyWithoutStepsSaysSo() {
        JourneyDefinition definition = withSteps(steps -> List.of());

        assertThat(fields(definition)).containsExactly("journey.steps", "journey.entryStep");
    }

    @Test
    void aStepNoLinkReachesIsUnreachable() {
        JourneyDefinition definition = withSteps(steps -> {
            steps.add(new Send("orphan", "{{recommendations}}", null, false, "done"));
            return steps;
        });

        assertThat(fields(definition)).containsExactly("journey.steps[5]");
        assertThat(message(definition, "journey.steps[5]"))
                .isEqualTo("'orphan' is not reachable from the entry step 'offer'");
    }

    @Test
    void aJourneyWhoseEntryReachesNoExitIsReported() {
        JourneyDefinition definition = new JourneyDefinition(new JourneyTrigger.SegmentEntered("churn=high"), "offer",
                List.of(new Send("offer", "{{recommendations}}", null, false, "ghost"), new Exit("done")),
                List.of(), null);

        // The dangling link, the exit nothing leads to, and no exit on the way.
        assertThat(fields(definition))
                .containsExactly("journey.steps[0].next", "journey.steps[1]", "journey.steps");
        assertThat(message(definition, "journey.steps"))
                .isEqualTo("no exit step is reachable from the entry step 'offer'");
    }

    @Test
    void aCycleIsReportedAtTheLinkThatClosesItWithTheLoopSpelledOut() {
        JourneyDefinition definition = withStep(3, new Wait("pause", Duration.ofHours(12), "offer"));

        assertThat(fields(definition)).containsExactly("journey.steps[3].next");
        assertThat(message(definition, "journey.steps[3].next"))
                .startsWith("leads back to 'offer' (offer → wait_order → check → pause → offer)");
    }

    @Test
    void aStepLinkedToItselfIsACycle() {
        JourneyDefinition definition = withStep(2,
                new Branch("check", new JourneyCondition.ClickedLastMessage(), "check", "pause"));

        assertThat(fields(definition)).containsExactly("journey.steps[2].then");
        assertThat(message(definition, "journey.steps[2].then")).startsWith("leads back to 'check' (check → check)");
    }

    @Test
    void aCycleAmongUnreachableStepsIsReportedToo() {
        JourneyDefinition definition = withSteps(steps -> {
            steps.add(new Wait("a", Duration.ofHours(1), "b"));
            steps.add(new Wait("b", Duration.ofHours(1), "a"));
            return steps;
        });

        assertThat(fields(definition)).containsExactly("journey.steps[6].next", "journey.steps[5]",
                "journey.steps[6]");
    }

    @Test
    void aWaitMustLastSomeTime() {
        assertThat(fields(withStep(3, new Wait("pause", Duration.ZERO, "done"))))
                .containsExactly("journey.steps[3].duration");
        assertThat(fields(withStep(3, new Wait("pause", Duration.ofMinutes(-5), "done"))))
                .containsExactly("journey.steps[3].duration");
        assertThat(message(withStep(3, new Wait("pause", null, "done")), "journey.steps[3].duration"))
                .isEqualTo("is required");
    }

    @Test
    void aWaitForNeedsAPositiveTimeoutAndAnEvent() {
        assertThat(fields(withStep(1, new WaitFor("wait_order", JourneyEvent.ORDER_PAID, Duration.ofDays(-1), "done",
                "check")))).containsExactly("journey.steps[1].timeout");
        assertThat(fields(withStep(1, new WaitFor("wait_order", null, Duration.ofDays(3), "done", "check"))))
                .containsExactly("journey.steps[1].event");
    }

    @Test
    void awaitingAnExitEventIsADeadBranch() {
        JourneyDefinition definition = withStep(1,
                new WaitFor("wait_order", JourneyEvent.ADDED_TO_CART, Duration.ofDays(3), "done", "check"));

        assertThat(fields(definition)).containsExactly("journey.steps[1].event");
        assertThat(message(definition, "journey.steps[1].event")).startsWith("added_to_cart is also in exitOn");
    }

    @Test
    void aSendNeedsATemplate() {
        assertThat(fields(withStep(0, new Send("offer", "  ", null, true, "wait_order"))))
                .containsExactly("journey.steps[0].template");
        assertThat(fields(withStep(0, new Send("offer", null, null, true, "wait_order"))))
                .containsExactly("journey.steps[0].template");
    }

    @Test
    void aSendMayLeaveChannelsOutButNotListNone() {
        assertThat(fields(withStep(0, new Send("offer", "{{coupon}}", null, true, "wait_order")))).isEmpty();
        JourneyDefinition empty = withStep(0, new Send("offer", "{{coupon}}", List.of(), true, "wait_order"));

        assertThat(fields(empty)).containsExactly("journey.steps[0].channels");
        assertThat(message(empty, "journey.steps[0].channels"))
                .isEqualTo("is empty (leave it out to use the campaign's channels)");
    }

    @Test
    void aSendListsEachChannelOnce() {
        JourneyDefinition definition = withStep(0, new Send("offer", "{{coupon}}",
                List.of(MessageChannel.SMS, MessageChannel.APP_PUSH, MessageChannel.SMS), true, "wait_order"));

        assertThat(fields(definition)).containsExactly("journey.steps[0].channels[2]");
        assertThat(message(definition, "journey.steps[0].channels[2]")).isEqualTo("lists sms twice");
    }

    @Test
    void aBranchNeedsAConditionAndNonEmptyGroupsAtAnyDepth() {
        assertThat(fields(withStep(2, new Branch("check", null, "done", "pause"))))
                .containsExactly("journey.steps[2].condition");
        JourneyCondition nested = JourneyCondition.AnyOf.of(
                new JourneyCondition.Not(new JourneyCondition.AllOf(List.of())),
                new JourneyCondition.MemberTierIn(Set.of()),
                new JourneyCondition.Not(null));

        assertThat(fields(withStep(2, new Branch("check", nested, "done", "pause")))).containsExactly(
                "journey.steps[2].condition.conditions[0].condition.conditions",
                "journey.steps[2].condition.conditions[1].tiers",
                "journey.steps[2].condition.conditions[2].condition");
        assertThat(fields(withStep(2, new Branch("check", new JourneyCondition.AnyOf(List.of()), "done", "pause"))))
                .containsExactly("journey.steps[2].condition.conditions");
    }

    static Stream<Arguments> triggerRanges() {
        return Stream.of(
                Arguments.of(new JourneyTrigger.NoRepeatPurchase(0), "journey.trigger.afterDays"),
                Arguments.of(new JourneyTrigger.NoRepeatPurchase(1), null),
                Arguments.of(new JourneyTrigger.NoRepeatPurchase(365), null),
                Arguments.of(new JourneyTrigger.NoRepeatPurchase(366), "journey.trigger.afterDays"),
                Arguments.of(new JourneyTrigger.CartAbandoned(0), "journey.trigger.afterHours"),
                Arguments.of(new JourneyTrigger.CartAbandoned(1), null),
                Arguments.of(new JourneyTrigger.CartAbandoned(720), null),
                Arguments.of(new JourneyTrigger.CartAbandoned(721), "journey.trigger.afterHours"),
                Arguments.of(new JourneyTrigger.Birthday(-1), "journey.trigger.daysBefore"),
                Arguments.of(new JourneyTrigger.Birthday(0), null),
                Arguments.of(new JourneyTrigger.Birthday(30), null),
                Arguments.of(new JourneyTrigger.Birthday(31), "journey.trigger.daysBefore"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggerRanges")
    void triggerParametersAreCheckedAtTheirBounds(JourneyTrigger trigger, String field) {
        List<String> fields = fields(withTrigger(trigger));

        if (field == null) {
            assertThat(fields).isEmpty();
        } else {
            assertThat(fields).containsExactly(field);
        }
    }

    @Test
    void anOutOfRangeTriggerParameterSaysTheRange() {
        assertThat(message(withTrigger(new JourneyTrigger.NoRepeatPurchase(400)), "journey.trigger.afterDays"))
                .isEqualTo("must be between 1 and 365 days, was 400");
    }

    @Test
    void triggersNeedTheirIds() {
        assertThat(fields(withTrigger(null))).containsExactly("journey.trigger");
        assertThat(fields(withTrigger(new JourneyTrigger.SegmentEntered(""))))
                .containsExactly("journey.trigger.segmentId");
        assertThat(fields(withTrigger(new JourneyTrigger.ItemTrending(" ", null))))
                .containsExactly("journey.trigger.category", "journey.trigger.audienceSegmentId");
        assertThat(fields(withTrigger(new JourneyTrigger.ItemTrending(null, "lifecycle=active")))).isEmpty();
        assertThat(fields(withTrigger(new JourneyTrigger.ExplicitEvent(null))))
                .containsExactly("journey.trigger.eventType");
    }

    @Test
    void reentryMustBePositiveWhenGiven() {
        JourneyDefinition sound = sound();

        assertThat(fields(new JourneyDefinition(sound.trigger(), "offer", sound.steps(), sound.exitOn(), null)))
                .isEmpty();
        assertThat(fields(new JourneyDefinition(sound.trigger(), "offer", sound.steps(), sound.exitOn(),
                Duration.ZERO))).containsExactly("journey.reentry");
        assertThat(fields(new JourneyDefinition(sound.trigger(), "offer", sound.steps(), sound.exitOn(),
                Duration.ofDays(-30)))).containsExactly("journey.reentry");
    }

    @Test
    void anExitEventIsListedOnce() {
        JourneyDefinition sound = sound();

        assertThat(fields(new JourneyDefinition(sound.trigger(), "offer", sound.steps(),
                List.of(JourneyEvent.ADDED_TO_CART, JourneyEvent.MESSAGE_CLICKED, JourneyEvent.ADDED_TO_CART),
                sound.reentry()))).containsExactly("journey.exitOn[2]");
    }

    @Test
    void everyFaultIsReportedAtOnceInFieldOrder() {
        JourneyDefinition definition = new JourneyDefinition(
                new JourneyTrigger.CartAbandoned(0),
                "offer",
                List.of(
                        new Send("offer", "", List.of(), false, "wait"),
                        new Wait("wait", Duration.ZERO, "done"),
                        new Exit("done")),
                List.of(),
                Duration.ZERO);

        assertThat(fields(definition)).containsExactly(
                "journey.trigger.afterHours",
                "journey.steps[0].template",
                "journey.steps[0].channels",
                "journey.steps[1].duration",
                "journey.reentry");
    }
}
