package io.lodestar.campaign.delivery;

import static io.lodestar.contracts.MessageChannel.APP_PUSH;
import static io.lodestar.contracts.MessageChannel.EMAIL;
import static io.lodestar.contracts.MessageChannel.SMS;
import static io.lodestar.contracts.MessageChannel.WECOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import io.lodestar.contracts.MessageChannel;
import org.junit.jupiter.api.Test;

/** Calendar: 4 March 2024 is a Monday, so its ISO week runs to Sunday 10 March; 11 March starts the next one. */
class FrequencyCapsTest {

    private static final LocalDate SUNDAY_BEFORE = LocalDate.of(2024, 3, 3);
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);
    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 3, 6);
    private static final LocalDate THURSDAY = LocalDate.of(2024, 3, 7);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 8);
    private static final LocalDate SUNDAY = LocalDate.of(2024, 3, 10);
    private static final LocalDate NEXT_MONDAY = LocalDate.of(2024, 3, 11);

    @Test
    void noCapsAllowAnything() {
        SentCounts counts = SentCounts.builder().add(SMS, WEDNESDAY, 1_000).build();

        assertThat(FrequencyCaps.none().allows(SMS, WEDNESDAY, counts)).isTrue();
    }

    @Test
    void aChannelDayCapCountsThatChannelOnThatDayOnly() {
        FrequencyCaps caps = FrequencyCaps.none().withChannelPerDay(SMS, 2);
        SentCounts oneSms = SentCounts.builder().add(SMS, WEDNESDAY, 1).add(APP_PUSH, WEDNESDAY, 5).build();
        SentCounts twoSms = SentCounts.builder().add(SMS, WEDNESDAY, 2).build();

        assertThat(caps.allows(SMS, WEDNESDAY, oneSms)).isTrue();   // 1 + 1 = 2 ≤ 2
        assertThat(caps.allows(SMS, WEDNESDAY, twoSms)).isFalse();  // 2 + 1 = 3 > 2
        assertThat(caps.allows(SMS, THURSDAY, twoSms)).isTrue();    // a new day
        assertThat(caps.allows(APP_PUSH, WEDNESDAY, twoSms)).isTrue(); // push is not capped
    }

    @Test
    void zeroMeansNoneAndAbsenceMeansUnlimited() {
        FrequencyCaps caps = FrequencyCaps.none().withChannelPerDay(SMS, 0);
        SentCounts manyPushes = SentCounts.builder().add(APP_PUSH, WEDNESDAY, 500).build();

        assertThat(caps.allows(SMS, WEDNESDAY, SentCounts.none())).isFalse();
        assertThat(caps.allows(APP_PUSH, WEDNESDAY, manyPushes)).isTrue();
        assertThat(caps.channelPerDay()).containsOnly(Map.entry(SMS, 0));
    }

    @Test
    void weeksStartOnMonday() {
        FrequencyCaps caps = FrequencyCaps.none().withChannelPerWeek(SMS, 3);
        // Two on Monday and one on Sunday: three in the week of 4–10 March.
        SentCounts counts = SentCounts.builder().add(SMS, MONDAY, 2).add(SMS, SUNDAY, 1).build();

        assertThat(caps.allows(SMS, WEDNESDAY, counts)).isFalse();
        assertThat(caps.allows(SMS, SUNDAY, counts)).isFalse();
        // Sunday 3 March closes the previous week, Monday 11 March opens the next: neither sees these three.
        assertThat(caps.allows(SMS, SUNDAY_BEFORE, counts)).isTrue();
        assertThat(caps.allows(SMS, NEXT_MONDAY, counts)).isTrue();
    }

    @Test
    void theAllChannelDayCapAddsEveryChannel() {
        FrequencyCaps caps = FrequencyCaps.none().withAllChannelsPerDay(3);
        SentCounts two = SentCounts.builder().add(SMS, WEDNESDAY, 1).add(APP_PUSH, WEDNESDAY, 1).build();
        SentCounts three = SentCounts.builder().add(SMS, WEDNESDAY, 1).add(APP_PUSH, WEDNESDAY, 1)
                .add(EMAIL, WEDNESDAY, 1).build();

        assertThat(caps.allows(WECOM, WEDNESDAY, two)).isTrue();
        assertThat(caps.allows(WECOM, WEDNESDAY, three)).isFalse();
        assertThat(caps.allows(WECOM, THURSDAY, three)).isTrue();
    }

    @Test
    void theAllChannelWeekCapAddsEveryChannelAndDayOfTheIsoWeek() {
        FrequencyCaps caps = FrequencyCaps.none().withAllChannelsPerWeek(5);
        // 2 + 1 + 1 + 1 = 5 between Monday and Thursday, on four channels.
        SentCounts counts = SentCounts.builder().add(SMS, MONDAY, 2).add(APP_PUSH, TUESDAY, 1)
                .add(EMAIL, WEDNESDAY, 1).add(WECOM, THURSDAY, 1).build();

        assertThat(caps.allows(MessageChannel.COMMUNITY, FRIDAY, counts)).isFalse();
        assertThat(caps.allows(MessageChannel.COMMUNITY, NEXT_MONDAY, counts)).isTrue();
        assertThat(caps.withAllChannelsPerWeek(6).allows(MessageChannel.COMMUNITY, FRIDAY, counts)).isTrue();
    }

    @Test
    void everyLimitMustHoldAtOnce() {
        FrequencyCaps caps = FrequencyCaps.none().withChannelPerDay(SMS, 2).withChannelPerWeek(SMS, 4)
                .withAllChannelsPerDay(3).withAllChannelsPerWeek(10);
        SentCounts weekFull = SentCounts.builder().add(SMS, MONDAY, 2).add(SMS, TUESDAY, 2).build();
        SentCounts dayFull = SentCounts.builder().add(APP_PUSH, WEDNESDAY, 2).add(SMS, WEDNESDAY, 1).build();
        SentCounts roomy = SentCounts.builder().add(SMS, MONDAY, 1).add(APP_PUSH, WEDNESDAY, 1).build();

        assertThat(caps.allows(SMS, WEDNESDAY, weekFull)).isFalse(); // SMS week: 4 + 1 > 4
        assertThat(caps.allows(SMS, WEDNESDAY, dayFull)).isFalse();  // all channels Wednesday: 3 + 1 > 3
        assertThat(caps.allows(SMS, WEDNESDAY, roomy)).isTrue();
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        FrequencyCaps base = FrequencyCaps.none().withChannelPerDay(SMS, 1);
        FrequencyCaps more = base.withChannelPerDay(APP_PUSH, 2).withAllChannelsPerDay(4);

        assertThat(base.channelPerDay()).containsOnly(Map.entry(SMS, 1));
        assertThat(base.allChannelsPerDay()).isEmpty();
        assertThat(more.channelPerDay()).containsOnly(Map.entry(SMS, 1), Map.entry(APP_PUSH, 2));
        assertThat(more.allChannelsPerDay()).hasValue(4);
    }

    @Test
    void refusesNullsAndNegativeLimitsWithReadableMessages() {
        Map<MessageChannel, Integer> nullValue = new HashMap<>();
        nullValue.put(SMS, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FrequencyCaps(null, Map.of(), OptionalInt.empty(), OptionalInt.empty()))
                .withMessageStartingWith("channelPerDay must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FrequencyCaps(Map.of(), nullValue, OptionalInt.empty(), OptionalInt.empty()))
                .withMessageStartingWith("channelPerWeek limit of SMS must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FrequencyCaps(Map.of(SMS, -1), Map.of(), OptionalInt.empty(),
                        OptionalInt.empty()))
                .withMessage("channelPerDay limit of SMS must not be negative, was -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FrequencyCaps(Map.of(), Map.of(), null, OptionalInt.empty()))
                .withMessageStartingWith("allChannelsPerDay must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> FrequencyCaps.none().withAllChannelsPerWeek(-2))
                .withMessage("allChannelsPerWeek must not be negative, was -2");
    }
}
