package io.lodestar.campaign.journey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.lodestar.campaign.journey.JourneyStep.Branch;
import io.lodestar.campaign.journey.JourneyStep.Exit;
import io.lodestar.campaign.journey.JourneyStep.Send;
import io.lodestar.campaign.journey.JourneyStep.Wait;
import io.lodestar.campaign.journey.JourneyStep.WaitFor;
import io.lodestar.contracts.MessageChannel;

/**
 * The standard journeys of retail CRM as ready definitions, so that an operator starts from a sound play rather than
 * an empty canvas. Each is a {@link JourneyTemplate}; the ones aimed at a segment take its id as an argument, and
 * {@link #all()} lists them with default ids of segmentation-service ({@code churn=high},
 * {@code rfm:classic-rfm=important-value}, {@code lifecycle=active}), which an operator replaces by their own.
 *
 * <p>Sends leave {@code channels} out (the campaign's channels apply) unless the play depends on a channel. Steps
 * that issue a coupon set {@code withOffer}, so the campaign must define an offer; follow-ups, which issue none,
 * mention the coupon in words rather than as {@code {{coupon}}}. No template lists
 * {@code order_paid} in {@code exitOn}: their wait-for steps handle an order themselves (as a conversion), which an
 * exit would pre-empt.
 */
public final class JourneyTemplates {

    public static final String WIN_BACK_FIRST_PURCHASE = "win_back_first_purchase";
    public static final String CHURN_RISK_COUPON = "churn_risk_coupon";
    public static final String HOT_ITEM_PRESALE = "hot_item_presale";
    public static final String VIP_BENEFITS = "vip_benefits";

    /** segmentation-service's id of the high churn-risk group (tag {@code churn}, value {@code high}). */
    public static final String DEFAULT_CHURN_SEGMENT = "churn=high";
    /** The "important value" class of an RFM model named "Classic RFM" (tag {@code rfm:classic-rfm}). */
    public static final String DEFAULT_VIP_SEGMENT = "rfm:classic-rfm=important-value";
    /** Customers in the active lifecycle stage: a presale invitation goes to those who buy now. */
    public static final String DEFAULT_PRESALE_AUDIENCE = "lifecycle=active";

    /** First-time buyers without a second order get this long before the win-back starts. */
    static final int WIN_BACK_AFTER_DAYS = 15;

    private JourneyTemplates() {
    }

    /** Every standard journey, with default segment ids, in the order the console shows them. */
    public static List<JourneyTemplate> all() {
        return List.of(winBackFirstPurchase(), churnRiskCoupon(), hotItemPresale(), vipBenefits());
    }

    /** The standard journey with this key (default segment ids), or empty. */
    public static Optional<JourneyTemplate> byKey(String key) {
        return all().stream().filter(template -> template.key().equals(key)).findFirst();
    }

    /**
     * Turns a first purchase into a second: 15 days after a first paid order with no second one, a personal offer
     * with a coupon and recommendations; an order within 7 days ends the journey as converted, otherwise one
     * reminder follows. A customer enters once ever: there is only one first purchase.
     */
    public static JourneyTemplate winBackFirstPurchase() {
        JourneyDefinition definition = new JourneyDefinition(
                new JourneyTrigger.NoRepeatPurchase(WIN_BACK_AFTER_DAYS),
                "offer",
                List.of(
                        new Send("offer", "Hi {{name}}, we would love to see you again: {{coupon}} on your next"
                                + " order. Picked for you: {{recommendations}}", null, true, "wait_order"),
                        new WaitFor("wait_order", JourneyEvent.ORDER_PAID, Duration.ofDays(7), "converted",
                                "reminder"),
                        new Send("reminder", "{{name}}, your welcome-back coupon expires soon. Still thinking"
                                + " about {{recommendations}}?", null, false, "done"),
                        new Exit("converted"),
                        new Exit("done")),
                List.of(),
                null);
        return new JourneyTemplate(WIN_BACK_FIRST_PURCHASE, "Win back after the first purchase",
                "15 days after a first order without a second: a personal coupon and recommendations, then one"
                        + " reminder if no order follows within 7 days.", definition);
    }

    /** {@link #churnRiskCoupon(String)} for the high churn-risk group. */
    public static JourneyTemplate churnRiskCoupon() {
        return churnRiskCoupon(DEFAULT_CHURN_SEGMENT);
    }

    /**
     * Holds on to customers likely to leave: on entering the churn segment, a coupon with recommendations; an order
     * within 5 days ends it as converted; otherwise a customer who clicked (interested, not yet convinced) is
     * reminded of the coupon and one who did not gets fresh picks instead. Again at most every 30 days.
     *
     * @param segmentId the churn segment, e.g. {@code churn=high}
     */
    public static JourneyTemplate churnRiskCoupon(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        JourneyDefinition definition = new JourneyDefinition(
                new JourneyTrigger.SegmentEntered(segmentId),
                "coupon",
                List.of(
                        new Send("coupon", "Hi {{name}}, it has been a while. Here is {{coupon}} for your next"
                                + " order, and a few picks for you: {{recommendations}}", null, true, "wait_order"),
                        new WaitFor("wait_order", JourneyEvent.ORDER_PAID, Duration.ofDays(5), "converted",
                                "clicked"),
                        new Branch("clicked", new JourneyCondition.ClickedLastMessage(), "nudge", "fresh_picks"),
                        new Send("nudge", "{{name}}, your coupon is still valid for a few days. Your picks:"
                                + " {{recommendations}}", null, false, "done"),
                        new Send("fresh_picks", "{{name}}, new for you: {{recommendations}}", null, false, "done"),
                        new Exit("converted"),
                        new Exit("done")),
                List.of(),
                Duration.ofDays(30));
        return new JourneyTemplate(CHURN_RISK_COUPON, "Churn-risk coupon",
                "When a customer enters the churn-risk segment: a coupon and recommendations; without an order in 5"
                        + " days, a reminder if they clicked, fresh picks if not.", definition);
    }

    /** {@link #hotItemPresale(String, String)} for active customers and any category. */
    public static JourneyTemplate hotItemPresale() {
        return hotItemPresale(DEFAULT_PRESALE_AUDIENCE, null);
    }

    /**
     * Turns a trend into early sales: when an item starts trending, members of the audience segment get a presale
     * invitation on app push or the mini program, where the presale page opens at once. At most one a week, as
     * trends come in bursts.
     *
     * @param audienceSegmentId who is invited, e.g. {@code lifecycle=active}
     * @param category          only items of this category; {@code null} for any
     */
    public static JourneyTemplate hotItemPresale(String audienceSegmentId, String category) {
        Objects.requireNonNull(audienceSegmentId, "audienceSegmentId");
        JourneyDefinition definition = new JourneyDefinition(
                new JourneyTrigger.ItemTrending(category, audienceSegmentId),
                "invite",
                List.of(
                        new Send("invite", "{{name}}, it is trending and you are invited before everyone else:"
                                + " {{recommendations}}", List.of(MessageChannel.APP_PUSH, MessageChannel.MINI_PROGRAM),
                                false, "done"),
                        new Exit("done")),
                List.of(),
                Duration.ofDays(7));
        return new JourneyTemplate(HOT_ITEM_PRESALE, "Hot item presale",
                "When an item starts trending: a presale invitation to an audience segment on app push or the mini"
                        + " program.", definition);
    }

    /** {@link #vipBenefits(String)} for the "important value" class of the classic RFM model. */
    public static JourneyTemplate vipBenefits() {
        return vipBenefits(DEFAULT_VIP_SEGMENT);
    }

    /**
     * Welcomes customers into the top segment: their VIP benefits on WeCom (a personal adviser) or app push, then
     * the instance stays live for 14 days, so that the campaign's report follows them through the period the welcome
     * is meant to influence and a customer who flickers in and out of the segment is not welcomed twice. Again at
     * most every 90 days.
     *
     * @param segmentId the "important value" segment, e.g. {@code rfm:classic-rfm=important-value}
     */
    public static JourneyTemplate vipBenefits(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId");
        JourneyDefinition definition = new JourneyDefinition(
                new JourneyTrigger.SegmentEntered(segmentId),
                "benefits",
                List.of(
                        new Send("benefits", "{{name}}, welcome to our VIP circle: free shipping, early access and"
                                + " your own adviser. Picked for you: {{recommendations}}",
                                List.of(MessageChannel.WECOM, MessageChannel.APP_PUSH), false, "hold"),
                        new Wait("hold", Duration.ofDays(14), "done"),
                        new Exit("done")),
                List.of(),
                Duration.ofDays(90));
        return new JourneyTemplate(VIP_BENEFITS, "VIP benefits",
                "When a customer enters the important-value segment: their VIP benefits on WeCom or app push.",
                definition);
    }
}
