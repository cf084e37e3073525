package io.lodestar.campaign.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lodestar.campaign.dispatch.MessageRepository;
import io.lodestar.contracts.MessageChannel;
import org.junit.jupiter.api.Test;

class AttributionRuleTest {

    private static final Instant PAID = Instant.parse("2026-12-10T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void theMostRecentClickWinsOverALaterUnclickedMessage() {
        MessageRepository.Sent clicked = sent("a", PAID.minus(Duration.ofDays(3)), PAID.minus(Duration.ofDays(2)));
        MessageRepository.Sent later = sent("b", PAID.minus(Duration.ofDays(1)), null);
        AttributionRule.Touch touch = AttributionRule.choose(List.of(later, clicked), PAID, id -> WEEK).orElseThrow();
        assertThat(touch.message().campaignId()).isEqualTo("a");
        assertThat(touch.rule()).isEqualTo(AttributionRule.LAST_CLICK);
    }

    @Test
    void withoutClicksTheLastDispatchedMessageWins() {
        MessageRepository.Sent older = sent("a", PAID.minus(Duration.ofDays(3)), null);
        MessageRepository.Sent newer = sent("b", PAID.minus(Duration.ofHours(5)), null);
        AttributionRule.Touch touch = AttributionRule.choose(List.of(older, newer), PAID, id -> WEEK).orElseThrow();
        assertThat(touch.message().campaignId()).isEqualTo("b");
        assertThat(touch.rule()).isEqualTo(AttributionRule.LAST_DELIVERY);
    }

    @Test
    void eachCampaignsOwnWindowDecidesAndLaterMessagesNeverCount() {
        MessageRepository.Sent longAgo = sent("short-window", PAID.minus(Duration.ofDays(3)), null);
        MessageRepository.Sent afterTheOrder = sent("late", PAID.plusSeconds(60), null);
        assertThat(AttributionRule.choose(List.of(longAgo, afterTheOrder), PAID,
                id -> id.equals("short-window") ? Duration.ofDays(1) : WEEK)).isEmpty();
        assertThat(AttributionRule.choose(List.of(longAgo), PAID, id -> WEEK)).isPresent();
    }

    @Test
    void aClickAfterTheOrderIsNotTheReasonForIt() {
        MessageRepository.Sent clickedLater = sent("a", PAID.minus(Duration.ofDays(1)), PAID.plusSeconds(30));
        AttributionRule.Touch touch = AttributionRule.choose(List.of(clickedLater), PAID, id -> WEEK).orElseThrow();
        assertThat(touch.rule()).isEqualTo(AttributionRule.LAST_DELIVERY);
    }

    private static MessageRepository.Sent sent(String campaign, Instant at, Instant clickedAt) {
        return new MessageRepository.Sent(UUID.randomUUID(), campaign, "c1", "default", MessageChannel.SMS, null, at,
                null, clickedAt);
    }
}
