package io.lodestar.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.campaign.journey.Action.Finish;
import io.lodestar.campaign.journey.Action.ScheduleWake;
import io.lodestar.campaign.journey.Action.SendMessage;
import io.lodestar.campaign.journey.JourneyState.Status;
import io.lodestar.contracts.LodestarJson;
import io.lodestar.contracts.MessageChannel;

/** The standard plays: sound, stored as they are built, parameterised by segment, and doing what they say. */
class JourneyTemplatesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private final ObjectMapper mapper = LodestarJson.newObjectMapper();

    static Stream<JourneyTemplate> templates() {
        return Stream.concat(JourneyTemplates.all().stream(), Stream.of(
                JourneyTemplates.churnRiskCoupon("churn=medium"),
                JourneyTemplates.hotItemPresale("segment:sneaker-fans", "sneakers"),
                JourneyTemplates.vipBenefits("rfm:quintile=champions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplatePassesTheValidator(JourneyTemplate template) {
        assertThat(JourneyValidator.validate(template.definition())).isEmpty();
        assertThat(template.name()).isNotBlank();
        assertThat(template.description()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateRoundTripsThroughJson(JourneyTemplate template) throws Exception {
        String json = mapper.writeValueAsString(template.definition());

        assertThat(mapper.readValue(json, JourneyDefinition.class)).isEqualTo(template.definition());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void sendsUseKnownPlaceholdersAndTheCouponOnlyWhereOneIsIssued(JourneyTemplate template) {
        for (JourneyStep step : template.definition().steps()) {
            if (step instanceof JourneyStep.Send send) {
                Matcher matcher = PLACEHOLDER.matcher(send.template());
                while (matcher.find()) {
                    assertThat(matcher.group(1)).as(send.id()).isIn("name", "recommendations", "coupon");
                    if (matcher.group(1).equals("coupon")) {
                        assertThat(send.withOffer()).as(send.id() + " uses {{coupon}}").isTrue();
                    }
                }
            }
        }
    }

    @Test
    void allListsTheFourPlaysByKeyInOrder() {
        assertThat(JourneyTemplates.all()).extracting(JourneyTemplate::key).containsExactly(
                "win_back_first_purchase", "churn_risk_coupon", "hot_item_presale", "vip_benefits");
        assertThat(JourneyTemplates.byKey("vip_benefits")).contains(JourneyTemplates.vipBenefits());
        assertThat(JourneyTemplates.byKey("black_friday")).isEmpty();
        assertThat(JourneyTemplates.byKey(null)).isEmpty();
    }

    @Test
    void segmentParametersBecomeTheTrigger() {
        assertThat(JourneyTemplates.churnRiskCoupon("churn=medium").definition().trigger())
                .isEqualTo(new JourneyTrigger.SegmentEntered("churn=medium"));
        assertThat(JourneyTemplates.churnRiskCoupon().definition().trigger())
                .isEqualTo(new JourneyTrigger.SegmentEntered("churn=high"));
        assertThat(JourneyTemplates.vipBenefits().definition().trigger())
                .isEqualTo(new JourneyTrigger.SegmentEntered("rfm:classic-rfm=important-value"));
        assertThat(JourneyTemplates.hotItemPresale("segment:sneaker-fans", "sneakers").definition().trigger())
                .isEqualTo(new JourneyTrigger.ItemTrending("sneakers", "segment:sneaker-fans"));
        assertThat(JourneyTemplates.hotItemPresale().definition().trigger())
                .isEqualTo(new JourneyTrigger.ItemTrending(null, "lifecycle=active"));
    }

    @Test
    void winBackStartsFifteenDaysAfterTheFirstOrderAndRunsOncePerCustomer() {
        JourneyDefinition winBack = JourneyTemplates.winBackFirstPurchase().definition();

        assertThat(winBack.trigger()).isEqualTo(new JourneyTrigger.NoRepeatPurchase(15));
        assertThat(winBack.reentry()).isNull();
        JourneyStep.WaitFor wait = (JourneyStep.WaitFor) winBack.step("wait_order").orElseThrow();
        assertThat(wait.event()).isEqualTo(JourneyEvent.ORDER_PAID);
        assertThat(wait.timeout()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void churnRiskCouponRemindsThoseWhoClickedAndSendsFreshPicksToTheOthers() {
        JourneyDefinition churn = JourneyTemplates.churnRiskCoupon().definition();
        Instant entered = Instant.parse("2025-05-05T08:00:00Z");
        Instant timeout = Instant.parse("2025-05-10T08:00:00Z");
        JourneyFacts facts = JourneyFacts.enteredAt(entered);

        Advance coupon = JourneyStateMachine.start(churn, facts, entered);

        assertThat(coupon.actions()).containsExactly(
                new SendMessage("coupon", (JourneyStep.Send) churn.step("coupon").orElseThrow()),
                new ScheduleWake(timeout));
        assertThat(coupon.sends().get(0).step().withOffer()).isTrue();

        JourneyFacts clicked = facts.withLastMessage(entered, entered.plusSeconds(3_600), entered.plusSeconds(3_900));
        Advance nudge = JourneyStateMachine.advance(churn, coupon.next(), clicked, timeout);
        JourneyFacts ignored = facts.withLastMessage(entered, null, null);
        Advance freshPicks = JourneyStateMachine.advance(churn, coupon.next(), ignored, timeout);

        assertThat(nudge.sends()).extracting(SendMessage::stepId).containsExactly("nudge");
        assertThat(freshPicks.sends()).extracting(SendMessage::stepId).containsExactly("fresh_picks");
        assertThat(List.of(nudge.next(), freshPicks.next())).allSatisfy(state -> {
            assertThat(state.status()).isEqualTo(Status.COMPLETED);
            assertThat(state.exitReason()).isEqualTo("exit_step:done");
        });
        assertThat(churn.reentry()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void hotItemPresaleInvitesAnAudienceOnAppPushOrMiniProgramAndEnds() {
        JourneyDefinition presale = JourneyTemplates.hotItemPresale().definition();
        Instant now = Instant.parse("2025-07-01T12:00:00Z");

        assertThat(presale.trigger().customerScoped()).isFalse();
        Advance run = JourneyStateMachine.start(presale, JourneyFacts.enteredAt(now), now);

        assertThat(run.sends()).singleElement().satisfies(send -> {
            assertThat(send.stepId()).isEqualTo("invite");
            assertThat(send.step().channels()).containsExactly(MessageChannel.APP_PUSH, MessageChannel.MINI_PROGRAM);
        });
        assertThat(run.actions()).last().isEqualTo(new Finish(Status.COMPLETED, "exit_step:done"));
    }

    @Test
    void vipBenefitsGoOutOnWecomOrAppPushThenHoldFourteenDays() {
        JourneyDefinition vip = JourneyTemplates.vipBenefits().definition();
        JourneyStep.Send benefits = (JourneyStep.Send) vip.step("benefits").orElseThrow();

        assertThat(benefits.channels()).containsExactly(MessageChannel.WECOM, MessageChannel.APP_PUSH);
        assertThat(vip.step("hold")).contains(new JourneyStep.Wait("hold", Duration.ofDays(14), "done"));
    }
}
