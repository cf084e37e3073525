package io.lodestar.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lodestar.campaign.journey.JourneyCondition.AllOf;
import io.lodestar.campaign.journey.JourneyCondition.AnyOf;
import io.lodestar.campaign.journey.JourneyCondition.ClickedLastMessage;
import io.lodestar.campaign.journey.JourneyCondition.HasOrderedSinceEntry;
import io.lodestar.campaign.journey.JourneyCondition.MemberTierIn;
import io.lodestar.campaign.journey.JourneyCondition.Not;
import io.lodestar.campaign.journey.JourneyCondition.OpenedLastMessage;
import io.lodestar.contracts.customer.MemberTier;

/** Each condition against hand-written facts, edges included (same instant, an earlier message's open). */
class JourneyConditionTest {

    static final Instant ENTERED = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant SENT = Instant.parse("2025-03-02T09:00:00Z");
    static final JourneyFacts NOTHING = JourneyFacts.enteredAt(ENTERED);

    @Test
    void hasOrderedSinceEntryCountsAnOrderAtOrAfterEntryOnly() {
        HasOrderedSinceEntry condition = new HasOrderedSinceEntry();

        assertThat(condition.test(NOTHING)).isFalse();
        assertThat(condition.test(NOTHING.withLastOrderPaidAt(ENTERED.minusSeconds(1)))).isFalse();
        assertThat(condition.test(NOTHING.withLastOrderPaidAt(ENTERED))).isTrue();
        assertThat(condition.test(NOTHING.withLastOrderPaidAt(Instant.parse("2025-03-04T18:30:00Z")))).isTrue();
    }

    @Test
    void openedLastMessageNeedsAnOpenOfThatMessage() {
        OpenedLastMessage condition = new OpenedLastMessage();

        assertThat(condition.test(NOTHING)).as("no message yet").isFalse();
        assertThat(condition.test(NOTHING.withLastMessage(SENT, null, null))).as("not opened").isFalse();
        // An open from before the last send belongs to an earlier message.
        assertThat(condition.test(NOTHING.withLastMessage(SENT, SENT.minusSeconds(60), null))).isFalse();
        assertThat(condition.test(NOTHING.withLastMessage(SENT, SENT.plusSeconds(300), null))).isTrue();
        // A click alone is not an open.
        assertThat(condition.test(NOTHING.withLastMessage(SENT, null, SENT.plusSeconds(300)))).isFalse();
    }

    @Test
    void clickedLastMessageNeedsAClickOfThatMessage() {
        ClickedLastMessage condition = new ClickedLastMessage();

        assertThat(condition.test(NOTHING)).isFalse();
        assertThat(condition.test(NOTHING.withLastMessage(SENT, SENT.plusSeconds(60), null))).isFalse();
        assertThat(condition.test(NOTHING.withLastMessage(SENT, null, SENT.minusSeconds(1)))).isFalse();
        assertThat(condition.test(NOTHING.withLastMessage(SENT, SENT.plusSeconds(60), SENT.plusSeconds(90))))
                .isTrue();
    }

    @Test
    void memberTierInMatchesListedTiersAndNeverACustomerWithoutTier() {
        MemberTierIn condition = new MemberTierIn(Set.of(MemberTier.SILVER, MemberTier.GOLD));

        assertThat(condition.test(NOTHING.withMemberTier(MemberTier.GOLD))).isTrue();
        assertThat(condition.test(NOTHING.withMemberTier(MemberTier.SILVER))).isTrue();
        assertThat(condition.test(NOTHING.withMemberTier(MemberTier.NORMAL))).isFalse();
        assertThat(condition.test(NOTHING)).isFalse();
    }

    @Test
    void groupsCombineAsInLogic() {
        JourneyFacts goldWhoOpened = NOTHING.withMemberTier(MemberTier.GOLD)
                .withLastMessage(SENT, SENT.plusSeconds(60), null);
        JourneyCondition gold = new MemberTierIn(Set.of(MemberTier.GOLD));

        assertThat(AllOf.of(gold, new OpenedLastMessage()).test(goldWhoOpened)).isTrue();
        assertThat(AllOf.of(gold, new ClickedLastMessage()).test(goldWhoOpened)).isFalse();
        assertThat(AnyOf.of(new ClickedLastMessage(), new HasOrderedSinceEntry()).test(goldWhoOpened)).isFalse();
        assertThat(AnyOf.of(new ClickedLastMessage(), gold).test(goldWhoOpened)).isTrue();
        assertThat(new Not(new ClickedLastMessage()).test(goldWhoOpened)).isTrue();
        assertThat(new Not(AllOf.of(gold, new OpenedLastMessage())).test(goldWhoOpened)).isFalse();
        // The validator refuses empty groups; evaluated anyway they are the neutral elements.
        assertThat(new AllOf(List.of()).test(goldWhoOpened)).isTrue();
        assertThat(new AnyOf(List.of()).test(goldWhoOpened)).isFalse();
    }

    @Test
    void aNotWithoutConditionSaysSoInsteadOfFailingWithANullPointer() {
        assertThatThrownBy(() -> new Not(null).test(NOTHING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'not' condition has no condition");
    }

    @Test
    void factsCopyTheirEventsAndRequireTheEntry() {
        EnumSet<JourneyEvent> events = EnumSet.of(JourneyEvent.MESSAGE_OPENED);
        JourneyFacts facts = NOTHING.withEvents(events);
        events.add(JourneyEvent.ORDER_PAID);

        assertThat(facts.eventsSinceStepStarted()).containsExactly(JourneyEvent.MESSAGE_OPENED);
        assertThat(facts.saw(JourneyEvent.ORDER_PAID)).isFalse();
        assertThat(NOTHING.withEvents(null).eventsSinceStepStarted()).isEmpty();
        assertThatThrownBy(() -> JourneyFacts.enteredAt(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("enteredAt");
    }
}
