package io.lodestar.campaign;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The loop of issue 6 inside campaign-service, over real Kafka and PostgreSQL: a segment-membership event triggers a
 * journey, which dispatches a personalised message with a coupon and recommendations; the gateway's feedback
 * arrives; an order is attributed; the report shows the funnel and the ROI. Redelivered events change nothing.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class CampaignFlowTest {

    static final Map<String, Object> ALWAYS_OPEN = Map.of("start", "00:00", "end", "23:59:59");

    @Test
    void aSegmentEntryTriggersAJourneyWhoseMessageIsFollowedThroughToAnAttributedOrder() {
        String customer = "flow-" + UUID.randomUUID();
        String segment = "churn-risk-" + UUID.randomUUID();
        CampaignEvents.publish(Topics.CUSTOMERS, customer,
                CampaignEvents.customer(customer, "Asia/Shanghai", MessageChannel.APP_PUSH, MessageChannel.SMS));
        String campaignId = CampaignApi.createAndSchedule(journeyCampaign(segment));
        CampaignApi.awaitStatus(campaignId, "running");
        awaitContact(customer);

        String entered = CampaignEvents.segmentEntered(segment, customer);
        CampaignEvents.publish(Topics.SEGMENT_MEMBERSHIP, customer, entered);
        MessageDispatched message = CampaignEvents.dispatchedTo(customer, 1, Duration.ofSeconds(30)).get(0);
        assertThat(message.campaignId()).isEqualTo(campaignId);
        assertThat(message.channel()).isEqualTo(MessageChannel.APP_PUSH);
        assertThat(message.couponCode()).startsWith("LS");
        assertThat(message.content()).startsWith("Hi Mei, your coupon " + message.couponCode())
                .contains("Title for-" + customer + "-1");
        assertThat(message.recommendedItemIds()).containsExactly("for-" + customer + "-1", "for-" + customer + "-2",
                "for-" + customer + "-3");
        assertThat(message.journeyId()).isNotNull();
        assertThat(PeerServicesStub.authorizations()).allMatch(header -> header.startsWith("Bearer "));

        // The same trigger again (a redelivery): the customer is already in the journey, nothing is sent again.
        CampaignEvents.publish(Topics.SEGMENT_MEMBERSHIP, customer, entered);
        for (FeedbackKind kind : List.of(FeedbackKind.DELIVERED, FeedbackKind.OPENED, FeedbackKind.CLICKED)) {
            String feedback = CampaignEvents.feedback(message, kind);
            CampaignEvents.publish(Topics.CAMPAIGN_FEEDBACK, customer, feedback);
            CampaignEvents.publish(Topics.CAMPAIGN_FEEDBACK, customer, feedback);
        }
        String order = CampaignEvents.paid(customer, "order-" + UUID.randomUUID(), new BigDecimal("100.00"),
                message.couponCode());
        CampaignEvents.publish(Topics.ORDERS, customer, order);
        CampaignEvents.publish(Topics.ORDERS, customer, order);

        JsonPath report = await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.report(campaignId),
                r -> r.getLong("funnel.paid") == 1 && r.getLong("funnel.clicked") == 1);
        assertThat(report.getLong("funnel.targeted")).isEqualTo(1);
        assertThat(report.getLong("funnel.sent")).isEqualTo(1);
        assertThat(report.getLong("funnel.delivered")).isEqualTo(1);
        assertThat(report.getLong("funnel.opened")).isEqualTo(1);
        assertThat(report.getLong("funnel.ordered")).isEqualTo(1);
        assertThat(report.getDouble("funnel.steps.find { it.to == 'opened' }.rate")).isEqualTo(1.0);
        assertThat(new BigDecimal(report.getString("roi.revenue"))).isEqualByComparingTo("100.00");
        assertThat(new BigDecimal(report.getString("roi.cost"))).isEqualByComparingTo("0.02");
        assertThat(report.getString("roi.asText")).isEqualTo("1:5000");
        assertThat(report.getLong("coupons.issued")).isEqualTo(1);
        assertThat(report.getLong("coupons.redeemed")).isEqualTo(1);
        assertThat(report.getString("byChannel[0].channel")).isEqualTo("app_push");

        // The order ended the journey (the wait for it led to the exit); the experiment counts the conversion.
        JsonPath experiment = given().header("Authorization", OPERATOR).get("/campaigns/" + campaignId + "/experiment")
                .then().statusCode(200).extract().jsonPath();
        assertThat(experiment.getLong("groups.find { it.group == 'default' }.converted")).isEqualTo(1);
        assertThat(CampaignEvents.dispatchedTo(customer, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    static Map<String, Object> journeyCampaign(String segment) {
        return Map.of(
                "name", "Churn-risk win-back",
                "owner", "mei@shop.example",
                "goal", Map.of("metric", "repurchase_rate", "description", "Win back churn-risk customers",
                        "targetChangePercent", 5, "days", 30),
                "audience", Map.of(),
                "channels", List.of(Map.of("channel", "app_push", "costPerMessage", 0.02),
                        Map.of("channel", "sms", "costPerMessage", 0.05)),
                "template", "Hi {{name}}",
                "offer", Map.of("type", "no_threshold_voucher", "amount", 20, "currency", "CNY", "budget", 1000,
                        "perCustomerLimit", 1, "validFor", "P7D"),
                "sendWindow", ALWAYS_OPEN,
                "journey", Map.of(
                        "trigger", Map.of("type", "segment_entered", "segmentId", segment),
                        "entryStep", "offer",
                        "steps", List.of(
                                Map.of("type", "send", "id", "offer", "withOffer", true, "next", "wait",
                                        "template", "Hi {{name}}, your coupon {{coupon}}. Picked for you: "
                                                + "{{recommendations}}"),
                                Map.of("type", "wait_for", "id", "wait", "event", "order_paid", "timeout", "P3D",
                                        "onEvent", "done", "onTimeout", "done"),
                                Map.of("type", "exit", "id", "done"))));
    }

    private static void awaitContact(String customer) {
        // The profile topic and the membership topic are consumed independently: wait until the consent is known.
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
    }
}
