package io.lodestar.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.lodestar.contracts.behaviour.BehaviourType;

/** What each trigger kind tells the runner: scope, entry delay, cancelling event. */
class JourneyTriggerTest {

    static Stream<Arguments> triggers() {
        return Stream.of(
                Arguments.of(new JourneyTrigger.SegmentEntered("churn=high"), true, Duration.ZERO, null),
                // 15 days = 360 hours of pending, withdrawn by a second order.
                Arguments.of(new JourneyTrigger.NoRepeatPurchase(15), true, Duration.ofHours(360),
                        JourneyEvent.ORDER_PAID),
                Arguments.of(new JourneyTrigger.CartAbandoned(4), true, Duration.ofMinutes(240),
                        JourneyEvent.ORDER_PAID),
                Arguments.of(new JourneyTrigger.ItemTrending(null, "lifecycle=active"), false, Duration.ZERO, null),
                Arguments.of(new JourneyTrigger.Birthday(7), true, Duration.ZERO, null),
                Arguments.of(new JourneyTrigger.ExplicitEvent(BehaviourType.ADD_TO_CART), true, Duration.ZERO, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void eachTriggerDeclaresItsScopeDelayAndCancellingEvent(JourneyTrigger trigger, boolean customerScoped,
                                                            Duration entryDelay, JourneyEvent cancelledBy) {
        assertThat(trigger.customerScoped()).isEqualTo(customerScoped);
        assertThat(trigger.entryDelay()).isEqualTo(entryDelay);
        assertThat(trigger.cancelledBy()).isEqualTo(cancelledBy);
        for (JourneyEvent event : JourneyEvent.values()) {
            assertThat(trigger.isCancelledBy(event)).as(event.name()).isEqualTo(event == cancelledBy);
        }
        assertThat(trigger.isCancelledBy(null)).isFalse();
    }
}
