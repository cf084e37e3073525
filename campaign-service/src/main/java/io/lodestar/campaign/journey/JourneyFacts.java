package io.lodestar.campaign.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.lodestar.contracts.customer.MemberTier;

/**
 * What the runner knows about one customer of one journey instance when a step runs: the input of
 * {@link JourneyCondition#test} and of {@link JourneyStateMachine}. A snapshot, loaded by the runner before each
 * advance, so that the state machine stays pure and can be tested with hand-written facts.
 *
 * <p>"Last message" means the last message this instance sent (not any campaign's), since a journey's branch asks
 * how the customer answered the journey itself.
 *
 * @param enteredAt              when the instance entered (its trigger fired), required
 * @param lastOrderPaidAt        the customer's latest paid order, any channel; {@code null} when none is known
 * @param lastMessageSentAt      when the instance last sent a message; {@code null} before its first
 * @param lastMessageOpenedAt    when that message was opened; {@code null} when it was not (or no message yet)
 * @param lastMessageClickedAt   when that message was clicked; {@code null} when it was not
 * @param memberTier             the customer's loyalty tier; {@code null} when not a member or unknown
 * @param eventsSinceStepStarted the journey events seen since the current step started (for a pending instance:
 *                               since it entered, not counting the event that triggered it); never {@code null}
 */
public record JourneyFacts(
        Instant enteredAt,
        Instant lastOrderPaidAt,
        Instant lastMessageSentAt,
        Instant lastMessageOpenedAt,
        Instant lastMessageClickedAt,
        MemberTier memberTier,
        Set<JourneyEvent> eventsSinceStepStarted) {

    public JourneyFacts {
        Objects.requireNonNull(enteredAt, "enteredAt");
        eventsSinceStepStarted = Lists.enumSet(eventsSinceStepStarted, JourneyEvent.class, "eventsSinceStepStarted");
    }

    /** The facts of a customer who just entered and of whom nothing else is known. */
    public static JourneyFacts enteredAt(Instant enteredAt) {
        return new JourneyFacts(enteredAt, null, null, null, null, null, Set.of());
    }

    /** These facts with the latest paid order at {@code at} (nullable). */
    public JourneyFacts withLastOrderPaidAt(Instant at) {
        return new JourneyFacts(enteredAt, at, lastMessageSentAt, lastMessageOpenedAt, lastMessageClickedAt,
                memberTier, eventsSinceStepStarted);
    }

    /** These facts with a last message sent at {@code sentAt}, opened and clicked at the given times (nullable). */
    public JourneyFacts withLastMessage(Instant sentAt, Instant openedAt, Instant clickedAt) {
        return new JourneyFacts(enteredAt, lastOrderPaidAt, sentAt, openedAt, clickedAt, memberTier,
                eventsSinceStepStarted);
    }

    /** These facts with the customer's tier (nullable). */
    public JourneyFacts withMemberTier(MemberTier tier) {
        return new JourneyFacts(enteredAt, lastOrderPaidAt, lastMessageSentAt, lastMessageOpenedAt,
                lastMessageClickedAt, tier, eventsSinceStepStarted);
    }

    /** These facts with the events seen since the current step started ({@code null}: none). */
    public JourneyFacts withEvents(Set<JourneyEvent> events) {
        return new JourneyFacts(enteredAt, lastOrderPaidAt, lastMessageSentAt, lastMessageOpenedAt,
                lastMessageClickedAt, memberTier, events);
    }

    /** Whether {@code event} was seen since the current step started. */
    public boolean saw(JourneyEvent event) {
        return eventsSinceStepStarted.contains(event);
    }

    /**
     * The facts once the state machine has sent a message at {@code at} within one advance: that message becomes
     * the last one, not yet opened or clicked. Without it a branch right after a send would judge the message before.
     */
    JourneyFacts afterMessageSent(Instant at) {
        return withLastMessage(at, null, null);
    }
}
