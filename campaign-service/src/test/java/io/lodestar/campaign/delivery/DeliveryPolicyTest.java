package io.lodestar.campaign.delivery;

import static io.lodestar.campaign.delivery.SkipReason.CAPPED;
import static io.lodestar.campaign.delivery.SkipReason.NO_CONSENT;
import static io.lodestar.campaign.delivery.SkipReason.WINDOW_NEVER_OPENS;
import static io.lodestar.contracts.MessageChannel.APP_PUSH;
import static io.lodestar.contracts.MessageChannel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.lodestar.campaign.delivery.DeliveryDecision.Hold;
import io.lodestar.campaign.delivery.DeliveryDecision.Send;
import io.lodestar.campaign.delivery.DeliveryDecision.Skip;
import io.lodestar.contracts.LodestarJson;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import org.junit.jupiter.api.Test;

/**
 * Shanghai is UTC+8: 09:00 local is 01:00 UTC, 21:00 local is 13:00 UTC. Wednesday 6 March 2024 12:00 local is
 * 04:00 UTC; 22:00 local is 14:00 UTC, after the window, so a message then is released Thursday 09:00 local.
 */
class DeliveryPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final SendWindow DAYTIME = SendWindow.daily(LocalTime.of(9, 0), LocalTime.of(21, 0));
    private static final Set<MessageChannel> BOTH = EnumSet.of(SMS, APP_PUSH);
    private static final List<MessageChannel> SMS_THEN_PUSH = List.of(SMS, APP_PUSH);

    private static final Instant WEDNESDAY_NOON = Instant.parse("2024-03-06T04:00:00Z");
    private static final Instant WEDNESDAY_22H = Instant.parse("2024-03-06T14:00:00Z");
    private static final Instant THURSDAY_9H = Instant.parse("2024-03-07T01:00:00Z");
    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 3, 6);

    private final DeliveryPolicy policy = new DeliveryPolicy();

    private DeliveryDecision decide(Set<MessageChannel> consented, Instant now, SendWindow window, FrequencyCaps caps,
                                    SentCounts counts, boolean transactional) {
        return policy.decide(SMS_THEN_PUSH, consented, SHANGHAI, now, window, caps, counts, transactional);
    }

    @Test
    void sendsOnTheFirstChannelWhenAllowed() {
        assertThat(decide(BOTH, WEDNESDAY_NOON, DAYTIME, FrequencyCaps.none(), SentCounts.none(), false))
                .isEqualTo(new Send(SMS, WEDNESDAY_NOON, List.of()));
    }

    @Test
    void fallsBackFromSmsToAppPushWithoutSmsConsent() {
        assertThat(decide(Set.of(APP_PUSH), WEDNESDAY_NOON, DAYTIME, FrequencyCaps.none(), SentCounts.none(), false))
                .isEqualTo(new Send(APP_PUSH, WEDNESDAY_NOON, List.of(new ChannelRefusal(SMS, NO_CONSENT))));
    }

    @Test
    void holdsUntilTheWindowOpensInsteadOfDropping() {
        assertThat(decide(BOTH, WEDNESDAY_22H, DAYTIME, FrequencyCaps.none(), SentCounts.none(), false))
                .isEqualTo(new Hold(SMS, THURSDAY_9H, List.of()));
    }

    @Test
    void checksTheCapsOnTheReleaseDayNotToday() {
        FrequencyCaps oneSmsADay = FrequencyCaps.none().withChannelPerDay(SMS, 1);
        SentCounts smsSentWednesday = SentCounts.builder().add(SMS, WEDNESDAY, 1).build();

        // At noon Wednesday's SMS is used up: push instead.
        assertThat(decide(BOTH, WEDNESDAY_NOON, DAYTIME, oneSmsADay, smsSentWednesday, false))
                .isEqualTo(new Send(APP_PUSH, WEDNESDAY_NOON, List.of(new ChannelRefusal(SMS, CAPPED))));
        // At 22:00 the message goes out on Thursday, which has its own SMS.
        assertThat(decide(BOTH, WEDNESDAY_22H, DAYTIME, oneSmsADay, smsSentWednesday, false))
                .isEqualTo(new Hold(SMS, THURSDAY_9H, List.of()));
    }

    @Test
    void aMessageHeldOverSundayNightCountsOnTheNewIsoWeek() {
        // Sunday 10 March 22:00 local (14:00 UTC) → Monday 11 March 09:00 local (01:00 UTC), a new ISO week.
        FrequencyCaps twoSmsAWeek = FrequencyCaps.none().withChannelPerWeek(SMS, 2);
        SentCounts twoThisWeek = SentCounts.builder().add(SMS, LocalDate.of(2024, 3, 4), 1)
                .add(SMS, LocalDate.of(2024, 3, 10), 1).build();
        Instant sunday20h = Instant.parse("2024-03-10T12:00:00Z");
        Instant sunday22h = Instant.parse("2024-03-10T14:00:00Z");

        assertThat(decide(Set.of(SMS), sunday20h, DAYTIME, twoSmsAWeek, twoThisWeek, false))
                .isEqualTo(new Skip(CAPPED, List.of(new ChannelRefusal(SMS, CAPPED),
                        new ChannelRefusal(APP_PUSH, NO_CONSENT))));
        assertThat(decide(Set.of(SMS), sunday22h, DAYTIME, twoSmsAWeek, twoThisWeek, false))
                .isEqualTo(new Hold(SMS, Instant.parse("2024-03-11T01:00:00Z"), List.of()));
    }

    @Test
    void aHoldKeepsItsFallbacks() {
        assertThat(decide(Set.of(APP_PUSH), WEDNESDAY_22H, DAYTIME, FrequencyCaps.none(), SentCounts.none(), false))
                .isEqualTo(new Hold(APP_PUSH, THURSDAY_9H, List.of(new ChannelRefusal(SMS, NO_CONSENT))));
    }

    @Test
    void skipsCappedWhenAConsentedChannelWasCappedEvenIfTheLastRefusalIsConsent() {
        FrequencyCaps noSms = FrequencyCaps.none().withChannelPerDay(SMS, 0);

        assertThat(decide(Set.of(SMS), WEDNESDAY_NOON, DAYTIME, noSms, SentCounts.none(), false))
                .isEqualTo(new Skip(CAPPED, List.of(new ChannelRefusal(SMS, CAPPED),
                        new ChannelRefusal(APP_PUSH, NO_CONSENT))));
    }

    @Test
    void skipsCappedWhenEveryChannelIsCapped() {
        FrequencyCaps oneADay = FrequencyCaps.none().withAllChannelsPerDay(1);
        SentCounts onePush = SentCounts.builder().add(APP_PUSH, WEDNESDAY, 1).build();

        assertThat(decide(BOTH, WEDNESDAY_NOON, DAYTIME, oneADay, onePush, false))
                .isEqualTo(new Skip(CAPPED, List.of(new ChannelRefusal(SMS, CAPPED),
                        new ChannelRefusal(APP_PUSH, CAPPED))));
    }

    @Test
    void skipsNoConsentWhenNothingIsConsented() {
        assertThat(decide(Set.of(), WEDNESDAY_NOON, DAYTIME, FrequencyCaps.none(), SentCounts.none(), false))
                .isEqualTo(new Skip(NO_CONSENT, List.of(new ChannelRefusal(SMS, NO_CONSENT),
                        new ChannelRefusal(APP_PUSH, NO_CONSENT))));
    }

    @Test
    void skipsNoChannelForAnEmptyList() {
        assertThat(policy.decide(List.of(), BOTH, SHANGHAI, WEDNESDAY_NOON, DAYTIME, FrequencyCaps.none(),
                SentCounts.none(), false)).isEqualTo(new Skip(SkipReason.NO_CHANNEL, List.of()));
    }

    @Test
    void skipsWhenTheWindowNeverOpens() {
        SendWindow never = new SendWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), EnumSet.noneOf(DayOfWeek.class));

        assertThat(decide(Set.of(APP_PUSH), WEDNESDAY_NOON, never, FrequencyCaps.none(), SentCounts.none(), false))
                .isEqualTo(new Skip(WINDOW_NEVER_OPENS, List.of(new ChannelRefusal(SMS, NO_CONSENT),
                        new ChannelRefusal(APP_PUSH, WINDOW_NEVER_OPENS))));
    }

    @Test
    void transactionalMessagesIgnoreTheWindowAndTheCapsButNotConsent() {
        FrequencyCaps nothing = FrequencyCaps.none().withChannelPerDay(SMS, 0).withChannelPerDay(APP_PUSH, 0)
                .withAllChannelsPerDay(0);
        SendWindow never = SendWindow.daily(LocalTime.NOON, LocalTime.NOON);

        assertThat(decide(BOTH, WEDNESDAY_22H, DAYTIME, nothing, SentCounts.none(), true))
                .isEqualTo(new Send(SMS, WEDNESDAY_22H, List.of()));
        assertThat(decide(BOTH, WEDNESDAY_22H, never, nothing, SentCounts.none(), true))
                .isEqualTo(new Send(SMS, WEDNESDAY_22H, List.of()));
        assertThat(decide(Set.of(APP_PUSH), WEDNESDAY_22H, DAYTIME, nothing, SentCounts.none(), true))
                .isEqualTo(new Send(APP_PUSH, WEDNESDAY_22H, List.of(new ChannelRefusal(SMS, NO_CONSENT))));
        assertThat(decide(Set.of(), WEDNESDAY_22H, DAYTIME, nothing, SentCounts.none(), true))
                .isInstanceOf(Skip.class).extracting("reason").isEqualTo(NO_CONSENT);
    }

    @Test
    void theSameInstantSendsInShanghaiAndHoldsInLosAngeles() {
        // 2024-03-04T02:00Z: Monday 10:00 in Shanghai, Sunday 18:00 PST in Los Angeles.
        SendWindow weekdays = new SendWindow(LocalTime.of(9, 0), LocalTime.of(21, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        Instant now = Instant.parse("2024-03-04T02:00:00Z");

        assertThat(policy.decide(SMS_THEN_PUSH, BOTH, SHANGHAI, now, weekdays, FrequencyCaps.none(),
                SentCounts.none(), false)).isEqualTo(new Send(SMS, now, List.of()));
        // Monday 09:00 PST = 17:00 UTC.
        assertThat(policy.decide(SMS_THEN_PUSH, BOTH, LOS_ANGELES, now, weekdays, FrequencyCaps.none(),
                SentCounts.none(), false)).isEqualTo(new Hold(SMS, Instant.parse("2024-03-04T17:00:00Z"), List.of()));
    }

    @Test
    void theLocalDayOfTheCapsFollowsTheCustomersZone() {
        // At 2024-03-04T02:00Z it is Monday in Shanghai and still Sunday in Los Angeles: one SMS on Sunday 3 March
        // uses up the Los Angeles customer's daily SMS, not the Shanghai customer's.
        FrequencyCaps oneSmsADay = FrequencyCaps.none().withChannelPerDay(SMS, 1);
        SentCounts smsOnSunday = SentCounts.builder().add(SMS, LocalDate.of(2024, 3, 3), 1).build();
        Instant now = Instant.parse("2024-03-04T02:00:00Z");

        assertThat(policy.decide(SMS_THEN_PUSH, BOTH, SHANGHAI, now, SendWindow.always(), oneSmsADay, smsOnSunday,
                false)).isEqualTo(new Send(SMS, now, List.of()));
        assertThat(policy.decide(SMS_THEN_PUSH, BOTH, LOS_ANGELES, now, SendWindow.always(), oneSmsADay, smsOnSunday,
                false)).isEqualTo(new Send(APP_PUSH, now, List.of(new ChannelRefusal(SMS, CAPPED))));
    }

    @Test
    void skipReasonsHaveLowerSnakeWireNames() throws Exception {
        assertThat(WireNames.all(SkipReason.class))
                .containsExactly("no_consent", "capped", "window_never_opens", "no_channel");
        String json = LodestarJson.newObjectMapper().writeValueAsString(
                new Skip(CAPPED, List.of(new ChannelRefusal(MessageChannel.MINI_PROGRAM, CAPPED))));
        assertThat(json).isEqualTo("{\"reason\":\"capped\",\"refusals\":[{\"channel\":\"mini_program\","
                + "\"reason\":\"capped\"}]}");
    }
}
