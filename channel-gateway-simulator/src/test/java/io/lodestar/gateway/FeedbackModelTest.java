package io.lodestar.gateway;

import static io.lodestar.gateway.Messages.SEND_AT;
import static io.lodestar.gateway.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;

class FeedbackModelTest {

    private static final long SEED = GatewayConfig.DEFAULT_SEED;
    private static final FeedbackModel DEFAULTS = new FeedbackModel(FeedbackRates.defaults(), SEED);

    @Test
    void eventIdsAreTheNameBasedUuidsOfMessageIdAndKind() {
        // MD5("msg-1:delivered") with the version-3 and IETF-variant bits set, computed outside Java.
        assertThat(FeedbackModel.eventId("msg-1", FeedbackKind.DELIVERED))
                .isEqualTo(UUID.fromString("9b9cd5ce-5054-3120-a109-9c14a83bfb65"));
        assertThat(FeedbackModel.eventId("msg-1", FeedbackKind.OPENED))
                .isEqualTo(UUID.fromString("69c1d058-b2d2-31bf-a876-a60dad26134e"));
    }

    @Test
    void aCertainFunnelYieldsEveryPositiveEventInOrderWithItsTimesAndIds() {
        FeedbackModel model = new FeedbackModel(uniform(new ChannelRates(1, 1, 1, 1)), SEED);
        MessageDispatched m = message("msg-1", MessageChannel.EMAIL);

        List<EventEnvelope<MessageFeedback>> events = model.feedbackFor(m);

        assertThat(events).extracting(e -> e.payload().kind()).containsExactly(FeedbackKind.DELIVERED,
                FeedbackKind.OPENED, FeedbackKind.CLICKED, FeedbackKind.UNSUBSCRIBED);
        assertThat(events).extracting(EventEnvelope::eventId).containsExactly(
                UUID.fromString("9b9cd5ce-5054-3120-a109-9c14a83bfb65"),
                UUID.fromString("69c1d058-b2d2-31bf-a876-a60dad26134e"),
                FeedbackModel.eventId("msg-1", FeedbackKind.CLICKED),
                FeedbackModel.eventId("msg-1", FeedbackKind.UNSUBSCRIBED));
        Instant delivered = events.get(0).payload().at();
        Instant opened = events.get(1).payload().at();
        Instant clicked = events.get(2).payload().at();
        Instant unsubscribed = events.get(3).payload().at();
        assertThat(Duration.between(SEND_AT, delivered)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(Duration.between(delivered, opened)).isBetween(Duration.ofMinutes(1), Duration.ofHours(2));
        assertThat(Duration.between(opened, clicked)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(90));
        assertThat(Duration.between(clicked, unsubscribed)).isBetween(Duration.ofSeconds(10), Duration.ofMinutes(30));

        EventEnvelope<MessageFeedback> click = events.get(2);
        assertThat(click.type()).isEqualTo(EventType.CAMPAIGN_MESSAGE_FEEDBACK.typeName());
        assertThat(click.producer()).isEqualTo("channel-gateway-simulator");
        assertThat(click.customerId()).isEqualTo("cust-msg-1");
        assertThat(click.occurredAt()).isEqualTo(clicked);
        assertThat(click.payload()).extracting(MessageFeedback::messageId, MessageFeedback::campaignId,
                MessageFeedback::customerId, MessageFeedback::channel)
                .containsExactly("msg-1", "camp-summer", "cust-msg-1", MessageChannel.EMAIL);
        assertThat(click.payload().detail()).isIn("item:sku-1", "item:sku-2", "item:sku-3");
        assertThat(events.get(3).payload().detail()).isEqualTo("unsubscribe_link");
    }

    @Test
    void aClickOnAMessageWithoutRecommendationsIsOnItsLink() {
        FeedbackModel model = new FeedbackModel(uniform(new ChannelRates(1, 1, 1, 0)), SEED);
        List<EventEnvelope<MessageFeedback>> events = model.feedbackFor(
                message("msg-2", MessageChannel.SMS, "cust-9", SEND_AT, List.of()));

        assertThat(events).extracting(e -> e.payload().kind())
                .containsExactly(FeedbackKind.DELIVERED, FeedbackKind.OPENED, FeedbackKind.CLICKED);
        assertThat(events.get(2).payload().detail()).isEqualTo("link");
    }

    @ParameterizedTest
    @EnumSource(MessageChannel.class)
    void aMessageThatIsNeverDeliveredBouncesOnceWithTheChannelsReason(MessageChannel channel) {
        FeedbackModel model = new FeedbackModel(uniform(new ChannelRates(0, 1, 1, 1)), SEED);

        List<EventEnvelope<MessageFeedback>> events = model.feedbackFor(message("msg-3", channel));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.payload().kind()).isEqualTo(FeedbackKind.BOUNCED);
            assertThat(e.eventId()).isEqualTo(FeedbackModel.eventId("msg-3", FeedbackKind.BOUNCED));
            assertThat(Duration.between(SEND_AT, e.payload().at()))
                    .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
            assertThat(e.payload().detail()).isNotBlank();
        });
    }

    @Test
    void theSameMessageAlwaysGetsTheSameFeedbackAndAnotherSeedChangesIt() {
        List<MessageDispatched> messages = IntStream.range(0, 500)
                .mapToObj(i -> message("det-" + i, MessageChannel.EMAIL)).toList();
        FeedbackModel again = new FeedbackModel(FeedbackRates.defaults(), SEED);
        FeedbackModel otherSeed = new FeedbackModel(FeedbackRates.defaults(), SEED + 1);

        for (MessageDispatched m : messages) {
            assertThat(again.feedbackFor(m)).isEqualTo(DEFAULTS.feedbackFor(m));
        }
        long differing = messages.stream()
                .filter(m -> !kinds(otherSeed.feedbackFor(m)).equals(kinds(DEFAULTS.feedbackFor(m))))
                .count();
        // Under the e-mail rates two independent draws agree with probability sum(p²) ≈ 0.76² + 0.16² + 0.05² + …
        // ≈ 0.60, so about 200 of 500 messages differ.
        assertThat(differing).isBetween(150L, 250L);
    }

    @Test
    void theOutcomeDependsOnTheMessageIdNotOnOtherFieldsOrOnWhatCameBefore() {
        MessageDispatched m = message("same-id", MessageChannel.EMAIL);
        MessageDispatched later = message("same-id", MessageChannel.EMAIL, "cust-other", SEND_AT.plusSeconds(3600),
                List.of("sku-9"));
        DEFAULTS.feedbackFor(message("unrelated", MessageChannel.EMAIL));

        assertThat(kinds(DEFAULTS.feedbackFor(later))).isEqualTo(kinds(DEFAULTS.feedbackFor(m)));
        assertThat(DEFAULTS.feedbackFor(later).get(0).payload().at())
                .isEqualTo(DEFAULTS.feedbackFor(m).get(0).payload().at().plusSeconds(3600));
    }

    @Test
    void raisingARateOnlyAddsEvents() {
        Map<MessageChannel, ChannelRates> higher = new EnumMap<>(FeedbackRates.defaults().byChannel());
        higher.put(MessageChannel.EMAIL, new ChannelRates(0.95, 0.25, 0.15, 0.003));
        FeedbackModel moreOpens = new FeedbackModel(new FeedbackRates(higher), SEED);

        int openedBefore = 0;
        int openedAfter = 0;
        for (int i = 0; i < 2000; i++) {
            MessageDispatched m = message("mono-" + i, MessageChannel.EMAIL);
            boolean before = kinds(DEFAULTS.feedbackFor(m)).contains(FeedbackKind.OPENED);
            boolean after = kinds(moreOpens.feedbackFor(m)).contains(FeedbackKind.OPENED);
            assertThat(!before || after).as("message %s opened at 20%% must stay opened at 25%%", i).isTrue();
            openedBefore += before ? 1 : 0;
            openedAfter += after ? 1 : 0;
        }
        assertThat(openedAfter).isGreaterThan(openedBefore);
    }

    @ParameterizedTest
    @EnumSource(MessageChannel.class)
    void largeSamplesFollowTheConfiguredRatesAndKeepTheFunnelInvariants(MessageChannel channel) {
        ChannelRates rates = FeedbackRates.defaults().of(channel);
        int n = 20_000;
        int delivered = 0;
        int bounced = 0;
        int opened = 0;
        int clicked = 0;
        int unsubscribed = 0;
        for (int i = 0; i < n; i++) {
            List<FeedbackKind> kinds = kinds(DEFAULTS.feedbackFor(message("big-" + i, channel)));
            assertFunnel(kinds);
            delivered += kinds.contains(FeedbackKind.DELIVERED) ? 1 : 0;
            bounced += kinds.contains(FeedbackKind.BOUNCED) ? 1 : 0;
            opened += kinds.contains(FeedbackKind.OPENED) ? 1 : 0;
            clicked += kinds.contains(FeedbackKind.CLICKED) ? 1 : 0;
            unsubscribed += kinds.contains(FeedbackKind.UNSUBSCRIBED) ? 1 : 0;
        }
        assertThat(delivered + bounced).isEqualTo(n);
        // Tolerances of at least four binomial standard deviations (e.g. sqrt(0.2 * 0.8 / 19,000) = 0.003 for opens).
        assertThat((double) delivered / n).isCloseTo(rates.delivered(), within(0.01));
        assertThat((double) opened / delivered).isCloseTo(rates.openGivenDelivered(), within(0.015));
        assertThat((double) clicked / opened).isCloseTo(rates.clickGivenOpened(), within(0.04));
        assertThat((double) unsubscribed / delivered).isCloseTo(rates.unsubscribeGivenDelivered(), within(0.003));
    }

    @Test
    void theDefaultEmailFunnelClicksAboutThreeSendsInAHundred() {
        // 0.95 × 0.20 × 0.15 = 0.0285 of all sends.
        assertThat(FeedbackRates.defaults().of(MessageChannel.EMAIL).clickThroughOfSends()).isCloseTo(0.0285,
                within(1e-12));
        int clicks = 0;
        for (int i = 0; i < 20_000; i++) {
            clicks += kinds(DEFAULTS.feedbackFor(message("ctr-" + i, MessageChannel.EMAIL)))
                    .contains(FeedbackKind.CLICKED) ? 1 : 0;
        }
        assertThat(clicks / 20_000.0).isCloseTo(0.0285, within(0.005));
    }

    /** Exactly one of delivered and bounced; opened only if delivered; clicked only if opened; never after a bounce. */
    static void assertFunnel(List<FeedbackKind> kinds) {
        assertThat(kinds).doesNotHaveDuplicates();
        assertThat(kinds.contains(FeedbackKind.DELIVERED)).isNotEqualTo(kinds.contains(FeedbackKind.BOUNCED));
        if (kinds.contains(FeedbackKind.BOUNCED)) {
            assertThat(kinds).containsExactly(FeedbackKind.BOUNCED);
        }
        if (kinds.contains(FeedbackKind.OPENED)) {
            assertThat(kinds).contains(FeedbackKind.DELIVERED);
        }
        if (kinds.contains(FeedbackKind.CLICKED)) {
            assertThat(kinds).contains(FeedbackKind.OPENED);
        }
        if (kinds.contains(FeedbackKind.UNSUBSCRIBED)) {
            assertThat(kinds).contains(FeedbackKind.DELIVERED);
        }
    }

    private static List<FeedbackKind> kinds(List<EventEnvelope<MessageFeedback>> events) {
        return events.stream().map(e -> e.payload().kind()).toList();
    }

    private static FeedbackRates uniform(ChannelRates rates) {
        Map<MessageChannel, ChannelRates> all = new EnumMap<>(MessageChannel.class);
        for (MessageChannel channel : MessageChannel.values()) {
            all.put(channel, rates);
        }
        return new FeedbackRates(all);
    }
}
