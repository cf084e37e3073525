package io.lodestar.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lodestar.campaign.journey.Action.Finish;
import io.lodestar.campaign.journey.Action.ScheduleWake;
import io.lodestar.campaign.journey.Action.SendMessage;
import io.lodestar.campaign.journey.JourneyState.Status;
import io.lodestar.campaign.journey.JourneyStep.Branch;
import io.lodestar.campaign.journey.JourneyStep.Exit;
import io.lodestar.campaign.journey.JourneyStep.Send;
import io.lodestar.campaign.journey.JourneyStep.Wait;

/**
 * Walks instances through journeys with a hand-kept clock. The win-back journey: first order at 1 March 10:00, so
 * the offer is due 15 days later (16 March 10:00), and its 7-day wait for an order ends 23 March 10:00.
 */
class JourneyStateMachineTest {

    static final Instant FIRST_ORDER = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant OFFER_DUE = Instant.parse("2025-03-16T10:00:00Z");
    static final Instant WAIT_ENDS = Instant.parse("2025-03-23T10:00:00Z");

    static final JourneyDefinition WIN_BACK = JourneyTemplates.winBackFirstPurchase().definition();
    static final JourneyFacts ENTERED = JourneyFacts.enteredAt(FIRST_ORDER);

    static Send send(JourneyDefinition definition, String id) {
        return (Send) definition.step(id).orElseThrow();
    }

    /** The win-back instance once its offer went out: waiting for an order until 23 March. */
    static JourneyState waitingForOrder() {
        JourneyState pending = JourneyStateMachine.start(WIN_BACK, ENTERED, FIRST_ORDER).next();
        return JourneyStateMachine.advance(WIN_BACK, pending, ENTERED, OFFER_DUE).next();
    }

    @Test
    void aDelayedTriggerEntersPendingUntilTheDelayIsOver() {
        Advance start = JourneyStateMachine.start(WIN_BACK, ENTERED, FIRST_ORDER);

        assertThat(start.next()).isEqualTo(new JourneyState(null, Status.PENDING, OFFER_DUE, FIRST_ORDER, null));
        assertThat(start.actions()).containsExactly(new ScheduleWake(OFFER_DUE));
        assertThat(JourneyState.entered(WIN_BACK, FIRST_ORDER)).isEqualTo(start.next());
    }

    @Test
    void winBackIsCancelledByASecondOrderWhilePending() {
        JourneyState pending = JourneyStateMachine.start(WIN_BACK, ENTERED, FIRST_ORDER).next();
        Instant secondOrder = Instant.parse("2025-03-04T20:15:00Z");
        JourneyFacts ordered = ENTERED.withLastOrderPaidAt(secondOrder).withEvents(Set.of(JourneyEvent.ORDER_PAID));

        Advance onOrder = JourneyStateMachine.onEvent(WIN_BACK, pending, JourneyEvent.ORDER_PAID, ordered, secondOrder);

        JourneyState cancelled = new JourneyState(null, Status.CANCELLED, null, FIRST_ORDER, "cancelled_by:order_paid");
        assertThat(onOrder.next()).isEqualTo(cancelled);
        assertThat(onOrder.actions()).containsExactly(new Finish(Status.CANCELLED, "cancelled_by:order_paid"));
        // A runner that only recorded the order decides the same on its next pass, before or at the due time.
        assertThat(JourneyStateMachine.advance(WIN_BACK, pending, ordered, secondOrder).next()).isEqualTo(cancelled);
        assertThat(JourneyStateMachine.advance(WIN_BACK, pending, ordered, OFFER_DUE).next()).isEqualTo(cancelled);
    }

    @Test
    void aPendingInstanceIgnoresOtherEventsAndEarlyPasses() {
        JourneyState pending = JourneyStateMachine.start(WIN_BACK, ENTERED, FIRST_ORDER).next();

        assertThat(JourneyStateMachine.onEvent(WIN_BACK, pending, JourneyEvent.ADDED_TO_CART, ENTERED,
                FIRST_ORDER.plusSeconds(3600))).isEqualTo(Advance.unchanged(pending));
        assertThat(JourneyStateMachine.advance(WIN_BACK, pending, ENTERED, OFFER_DUE.minusSeconds(1)))
                .isEqualTo(Advance.unchanged(pending));
    }

    @Test
    void winBackWithoutOrderSendsTheOfferWaitsSevenDaysThenRemindsAndExits() {
        List<Action> all = new ArrayList<>();
        JourneyState pending = JourneyStateMachine.start(WIN_BACK, ENTERED, FIRST_ORDER).next();

        Advance offer = JourneyStateMachine.advance(WIN_BACK, pending, ENTERED, OFFER_DUE);
        all.addAll(offer.actions());

        assertThat(offer.actions()).containsExactly(new SendMessage("offer", send(WIN_BACK, "offer")),
                new ScheduleWake(WAIT_ENDS));
        assertThat(offer.next()).isEqualTo(new JourneyState("wait_order", Status.WAITING, WAIT_ENDS, OFFER_DUE, null));
        assertThat(offer.sends().get(0).step().withOffer()).isTrue();

        JourneyFacts offered = ENTERED.withLastMessage(OFFER_DUE, null, null);
        assertThat(JourneyStateMachine.advance(WIN_BACK, offer.next(), offered, WAIT_ENDS.minusSeconds(1)))
                .isEqualTo(Advance.unchanged(offer.next()));

        Advance reminder = JourneyStateMachine.advance(WIN_BACK, offer.next(), offered, WAIT_ENDS);
        all.addAll(reminder.actions());

        assertThat(reminder.actions()).containsExactly(new SendMessage("reminder", send(WIN_BACK, "reminder")),
                new Finish(Status.COMPLETED, "exit_step:done"));
        assertThat(reminder.next()).isEqualTo(new JourneyState("done", Status.COMPLETED, null, WAIT_ENDS,
                "exit_step:done"));
        // Each message step sent exactly once over the whole instance, and nothing after the end.
        assertThat(all).filteredOn(SendMessage.class::isInstance).extracting(a -> ((SendMessage) a).stepId())
                .containsExactly("offer", "reminder");
        assertThat(JourneyStateMachine.advance(WIN_BACK, reminder.next(), offered, WAIT_ENDS.plusSeconds(86_400)))
                .isEqualTo(Advance.unchanged(reminder.next()));
    }

    @Test
    void anOrderBeforeTheTimeoutEndsWinBackAsConvertedWithoutReminder() {
        JourneyState waiting = waitingForOrder();
        Instant paid = Instant.parse("2025-03-18T12:00:00Z");
        JourneyFacts ordered = ENTERED.withLastOrderPaidAt(paid).withEvents(Set.of(JourneyEvent.ORDER_PAID));
        JourneyState converted = new JourneyState("converted", Status.COMPLETED, null, paid, "exit_step:converted");

        Advance onOrder = JourneyStateMachine.onEvent(WIN_BACK, waiting, JourneyEvent.ORDER_PAID, ordered, paid);

        assertThat(onOrder.next()).isEqualTo(converted);
        assertThat(onOrder.actions()).containsExactly(new Finish(Status.COMPLETED, "exit_step:converted"));
        assertThat(JourneyStateMachine.advance(WIN_BACK, waiting, ordered, paid)).isEqualTo(onOrder);
    }

    @Test
    void anAwaitedEventWinsOverATimeoutTheRunnerHandlesLate() {
        JourneyState waiting = waitingForOrder();
        Instant late = WAIT_ENDS.plusSeconds(7_200);
        JourneyFacts ordered = ENTERED.withEvents(Set.of(JourneyEvent.ORDER_PAID));

        Advance advance = JourneyStateMachine.advance(WIN_BACK, waiting, ordered, late);

        assertThat(advance.next().exitReason()).isEqualTo("exit_step:converted");
        assertThat(advance.sends()).isEmpty();
    }

    @Test
    void otherEventsLeaveAWaitingInstanceWhereItIs() {
        JourneyState waiting = waitingForOrder();

        for (JourneyEvent event : List.of(JourneyEvent.MESSAGE_OPENED, JourneyEvent.MESSAGE_CLICKED,
                JourneyEvent.ADDED_TO_CART)) {
            assertThat(JourneyStateMachine.onEvent(WIN_BACK, waiting, event, ENTERED, OFFER_DUE.plusSeconds(60)))
                    .as(event.name()).isEqualTo(Advance.unchanged(waiting));
        }
    }

    /** Cart abandoned 4 h → nudge → wait 1 day → exit; any paid order ends it (exitOn). */
    static final JourneyDefinition CART = new JourneyDefinition(
            new JourneyTrigger.CartAbandoned(4), "nudge",
            List.of(new Send("nudge", "{{name}}, your cart is waiting", null, false, "hold"),
                    new Wait("hold", Duration.ofDays(1), "done"),
                    new Exit("done")),
            List.of(JourneyEvent.ORDER_PAID), null);

    static JourneyState live(Status status) {
        return switch (status) {
            case PENDING -> JourneyState.entered(CART, FIRST_ORDER);
            case ACTIVE -> new JourneyState("nudge", Status.ACTIVE, FIRST_ORDER, FIRST_ORDER, null);
            case WAITING -> new JourneyState("hold", Status.WAITING, FIRST_ORDER.plus(Duration.ofDays(1)),
                    FIRST_ORDER, null);
            default -> throw new IllegalArgumentException(status.name());
        };
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"PENDING", "ACTIVE", "WAITING"})
    void anExitOnEventEndsTheInstanceFromEveryLiveStatus(Status status) {
        assertThat(JourneyValidator.validate(CART)).isEmpty();
        JourneyState state = live(status);
        Instant paid = FIRST_ORDER.plusSeconds(1_800);
        JourneyFacts ordered = ENTERED.withEvents(Set.of(JourneyEvent.ORDER_PAID));
        // Where it stood, no longer due; for a pending cart the exit wins over the cancellation by the same order.
        JourneyState exited = new JourneyState(state.stepId(), Status.EXITED, null, state.stepStartedAt(),
                "exit_on:order_paid");

        Advance onEvent = JourneyStateMachine.onEvent(CART, state, JourneyEvent.ORDER_PAID, ordered, paid);

        assertThat(onEvent.next()).isEqualTo(exited);
        assertThat(onEvent.actions()).containsExactly(new Finish(Status.EXITED, "exit_on:order_paid"));
        assertThat(JourneyStateMachine.advance(CART, state, ordered, paid)).isEqualTo(onEvent);
    }

    @Test
    void anImmediateTriggerStartsActiveAndRunsToTheFirstWait() {
        JourneyDefinition vip = JourneyTemplates.vipBenefits().definition();
        Instant entered = Instant.parse("2025-06-10T08:30:00Z");
        Instant holdEnds = Instant.parse("2025-06-24T08:30:00Z");
        JourneyFacts facts = JourneyFacts.enteredAt(entered);

        assertThat(JourneyState.entered(vip, entered))
                .isEqualTo(new JourneyState("benefits", Status.ACTIVE, entered, entered, null));
        Advance start = JourneyStateMachine.start(vip, facts, entered);

        assertThat(start.actions()).containsExactly(new SendMessage("benefits", send(vip, "benefits")),
                new ScheduleWake(holdEnds));
        assertThat(start.next()).isEqualTo(new JourneyState("hold", Status.WAITING, holdEnds, entered, null));
        assertThat(JourneyStateMachine.advance(vip, start.next(), facts, holdEnds.minusSeconds(1)))
                .isEqualTo(Advance.unchanged(start.next()));
        // An order is not awaited by a plain wait: it changes nothing.
        assertThat(JourneyStateMachine.onEvent(vip, start.next(), JourneyEvent.ORDER_PAID, facts, entered))
                .isEqualTo(Advance.unchanged(start.next()));

        Advance end = JourneyStateMachine.advance(vip, start.next(), facts, holdEnds);

        assertThat(end.next()).isEqualTo(new JourneyState("done", Status.COMPLETED, null, holdEnds, "exit_step:done"));
        assertThat(end.actions()).containsExactly(new Finish(Status.COMPLETED, "exit_step:done"));
    }

    @Test
    void aBranchRightAfterASendJudgesTheMessageJustSent() {
        Instant now = Instant.parse("2025-04-01T09:00:00Z");
        // The previous message (a day earlier) was clicked.
        JourneyFacts facts = JourneyFacts.enteredAt(now)
                .withLastMessage(now.minusSeconds(86_400), now.minusSeconds(86_000), now.minusSeconds(85_000));
        Branch clicked = new Branch("clicked", new JourneyCondition.ClickedLastMessage(), "yes", "no");
        List<JourneyStep> steps = List.of(new Send("first", "{{recommendations}}", null, false, "clicked"), clicked,
                new Exit("yes"), new Exit("no"));
        JourneyDefinition sendThenBranch = new JourneyDefinition(new JourneyTrigger.SegmentEntered("s"), "first",
                steps, List.of(), null);
        JourneyDefinition branchOnly = new JourneyDefinition(new JourneyTrigger.SegmentEntered("s"), "clicked",
                steps.subList(1, 4), List.of(), null);

        assertThat(JourneyStateMachine.start(sendThenBranch, facts, now).next().exitReason()).isEqualTo("exit_step:no");
        assertThat(JourneyStateMachine.start(branchOnly, facts, now).next().exitReason()).isEqualTo("exit_step:yes");
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"COMPLETED", "EXITED", "CANCELLED"})
    void aFinishedInstanceNeverChanges(Status status) {
        JourneyState finished = new JourneyState("wait_order", status, null, OFFER_DUE, "some reason");
        JourneyFacts everything = ENTERED.withEvents(Set.of(JourneyEvent.values()));
        Instant later = WAIT_ENDS.plus(Duration.ofDays(365));

        assertThat(JourneyStateMachine.advance(WIN_BACK, finished, everything, later))
                .isEqualTo(Advance.unchanged(finished));
        for (JourneyEvent event : JourneyEvent.values()) {
            assertThat(JourneyStateMachine.onEvent(CART, finished, event, everything, later))
                    .isEqualTo(Advance.unchanged(finished));
        }
    }

    @Test
    void aLinkToAMissingStepFailsNamingIt() {
        JourneyDefinition broken = new JourneyDefinition(new JourneyTrigger.SegmentEntered("s"), "a",
                List.of(new Send("a", "hello", null, false, "ghost")), List.of(), null);

        assertThatThrownBy(() -> JourneyStateMachine.start(broken, ENTERED, FIRST_ORDER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("journey step 'ghost' (given by a.next) does not exist");
    }

    @Test
    void aCycleFailsBeforeAnythingIsSentTwice() {
        JourneyDefinition looping = new JourneyDefinition(new JourneyTrigger.SegmentEntered("s"), "a",
                List.of(new Send("a", "hello", null, false, "b"),
                        new Branch("b", new JourneyCondition.HasOrderedSinceEntry(), "a", "a")),
                List.of(), null);

        assertThatThrownBy(() -> JourneyStateMachine.start(looping, ENTERED, FIRST_ORDER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("journey step 'a' is reached twice in one advance: the steps form a cycle");
    }

    @Test
    void invalidStepsFailNamingTheStep() {
        JourneyDefinition noDuration = new JourneyDefinition(new JourneyTrigger.SegmentEntered("s"), "w",
                List.of(new Wait("w", null, "x"), new Exit("x")), List.of(), null);
        JourneyDefinition noCondition = new JourneyDefinition(new JourneyTrigger.SegmentEntered("s"), "b",
                List.of(new Branch("b", null, "x", "x"), new Exit("x")), List.of(), null);
        JourneyState waitingAtSend = new JourneyState("offer", Status.WAITING, OFFER_DUE, FIRST_ORDER, null);

        assertThatThrownBy(() -> JourneyStateMachine.start(noDuration, ENTERED, FIRST_ORDER))
                .isInstanceOf(IllegalStateException.class).hasMessage("journey step 'w' has no duration");
        assertThatThrownBy(() -> JourneyStateMachine.start(noCondition, ENTERED, FIRST_ORDER))
                .isInstanceOf(IllegalStateException.class).hasMessage("journey step 'b' has no condition");
        assertThatThrownBy(() -> JourneyStateMachine.advance(WIN_BACK, waitingAtSend, ENTERED, WAIT_ENDS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'offer' is not a wait");
    }
}
