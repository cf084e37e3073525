package io.lodestar.campaign.dispatch;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lodestar.campaign.CampaignApi;
import io.lodestar.campaign.CampaignEvents;
import io.lodestar.campaign.PeerServicesStub;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A broadcast to segments over real Kafka and PostgreSQL: the audience is snapshotted from segmentation-service (in
 * cursor pages), minus the exclusion segment; per customer consent decides the channel (with fallback), customers
 * outside their send window are held, not dropped; a segmentation outage pauses the campaign with the reason.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class BroadcastDispatchTest {

    @Test
    void dispatchesToTheSnapshottedAudienceWithConsentFallbackAndExclusions() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String push = "b-" + run + "-push";
        String smsOnly = "b-" + run + "-sms";
        String none = "b-" + run + "-none";
        String excluded = "b-" + run + "-excluded";
        String unknown = "b-" + run + "-unknown";
        CampaignEvents.publish(Topics.CUSTOMERS, push, CampaignEvents.customer(push, "Asia/Shanghai",
                MessageChannel.APP_PUSH, MessageChannel.SMS));
        CampaignEvents.publish(Topics.CUSTOMERS, smsOnly, CampaignEvents.customer(smsOnly, "Europe/Berlin",
                MessageChannel.SMS));
        CampaignEvents.publish(Topics.CUSTOMERS, none, CampaignEvents.customer(none, "Asia/Shanghai"));
        CampaignEvents.publish(Topics.CUSTOMERS, excluded, CampaignEvents.customer(excluded, "Asia/Shanghai",
                MessageChannel.APP_PUSH));
        for (String customer : List.of(push, smsOnly, none, excluded)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        }
        PeerServicesStub.segment("vip-" + run, List.of(push, smsOnly, none, excluded, unknown));
        PeerServicesStub.segment("opted-out-" + run, List.of(excluded));

        String id = CampaignApi.createAndSchedule(broadcast("vip-" + run, "opted-out-" + run,
                Map.of("start", "00:00", "end", "23:59:59")));
        CampaignApi.awaitStatus(id, "completed");

        MessageDispatched toPush = CampaignEvents.dispatchedTo(push, 1, Duration.ofSeconds(20)).get(0);
        assertThat(toPush.channel()).isEqualTo(MessageChannel.APP_PUSH);
        assertThat(toPush.content()).isEqualTo("Hello Mei, new arrivals are in.");
        assertThat(CampaignEvents.dispatchedTo(smsOnly, 1, Duration.ofSeconds(20)).get(0).channel())
                .as("falls back to the next consented channel").isEqualTo(MessageChannel.SMS);
        assertThat(CampaignEvents.dispatchedTo(excluded, 1, Duration.ofSeconds(2))).isEmpty();

        JsonPath report = CampaignApi.report(id);
        assertThat(report.getLong("funnel.targeted")).as("four members after the exclusion").isEqualTo(4);
        assertThat(report.getLong("funnel.sent")).isEqualTo(2);
        assertThat(report.getMap("skips.skippedByReason")).containsEntry("no_consent", 2);
        assertThat(report.getString("byChannel.channel")).isEqualTo("[app_push, sms]");
    }

    @Test
    void customersOutsideTheirSendWindowAreHeldNotDropped() {
        String customer = "held-" + UUID.randomUUID();
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        CampaignEvents.publish(Topics.CUSTOMERS, customer, CampaignEvents.customer(customer, zone.getId(),
                MessageChannel.APP_PUSH));
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        PeerServicesStub.segment("held-" + customer, List.of(customer));
        // A one-hour window that opens two hours from now in the customer's zone.
        LocalTime opens = ZonedDateTime.now(zone).plusHours(2).toLocalTime().withSecond(0).withNano(0);
        String id = CampaignApi.createAndSchedule(broadcast("held-" + customer, null,
                Map.of("start", opens.toString(), "end", opens.plusHours(1).toString())));

        JsonPath report = await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.report(id),
                r -> r.getLong("skips.held") == 1);
        assertThat(report.getLong("funnel.sent")).isZero();
        assertThat(CampaignApi.get(id).getString("status")).as("running until the held message is released")
                .isEqualTo("running");
        assertThat(CampaignEvents.dispatchedTo(customer, 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aFailingRecommendationServiceFallsBackToPopularItems() {
        String customer = "fallback-" + UUID.randomUUID();
        CampaignEvents.publish(Topics.CUSTOMERS, customer, CampaignEvents.customer(customer, "UTC",
                MessageChannel.APP_PUSH));
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        PeerServicesStub.segment("fallback-" + customer, List.of(customer));
        Map<String, Object> campaign = broadcast("fallback-" + customer, null, Map.of("start", "00:00",
                "end", "23:59:59"));
        campaign.put("template", "Picked for you: {{recommendations}}");
        PeerServicesStub.recommendationDown(true);
        try {
            String id = CampaignApi.createAndSchedule(campaign);
            MessageDispatched message = CampaignEvents.dispatchedTo(customer, 1, Duration.ofSeconds(30)).get(0);
            // The last popular list fetched, or before any the configured fallback items: never nothing.
            assertThat(message.recommendedItemIds()).isNotEmpty()
                    .allMatch(item -> item.startsWith("popular-") || List.of("gift-card", "best-seller").contains(item));
            assertThat(message.content()).startsWith("Picked for you: ").doesNotContain("for-" + customer);
            CampaignApi.awaitStatus(id, "completed");
        } finally {
            PeerServicesStub.recommendationDown(false);
        }
    }

    @Test
    void aHeldMessageGoesOutWhenTheWindowOpens() {
        String customer = "release-" + UUID.randomUUID();
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        CampaignEvents.publish(Topics.CUSTOMERS, customer, CampaignEvents.customer(customer, zone.getId(),
                MessageChannel.SMS));
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        PeerServicesStub.segment("release-" + customer, List.of(customer));
        // The window opens at the start of the next minute but one in the customer's zone (UTC+05:30).
        LocalTime opens = ZonedDateTime.now(zone).plusMinutes(2).toLocalTime().withSecond(0).withNano(0);
        String id = CampaignApi.createAndSchedule(broadcast("release-" + customer, null,
                Map.of("start", opens.toString(), "end", opens.plusHours(2).toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.report(id).getLong("skips.held") == 1);

        MessageDispatched released = CampaignEvents.dispatchedTo(customer, 1, Duration.ofSeconds(180)).get(0);
        assertThat(released.channel()).isEqualTo(MessageChannel.SMS);
        assertThat(released.content()).isEqualTo("Hello Mei, new arrivals are in.");
        assertThat(released.sendAt().atZone(zone).toLocalTime()).isAfterOrEqualTo(opens);
        CampaignApi.awaitStatus(id, "completed");
        assertThat(CampaignApi.report(id).getLong("funnel.sent")).isEqualTo(1);
    }

    @Test
    void aSegmentationOutagePausesTheCampaignWithTheReason() {
        String segment = "down-" + UUID.randomUUID();
        PeerServicesStub.segment(segment, List.of("x-1"));
        PeerServicesStub.segmentationDown(true);
        try {
            String id = CampaignApi.createAndSchedule(broadcast(segment, null, null));
            JsonPath paused = CampaignApi.awaitStatus(id, "paused");
            assertThat(paused.getString("statusReason")).contains("segmentation-service");
            PeerServicesStub.segmentationDown(false);
            // The operator resumes; while the circuit breaker is still open the campaign pauses again, with the reason.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                String status = CampaignApi.get(id).getString("status");
                if ("paused".equals(status)) {
                    given().header("Authorization", OPERATOR).post("/campaigns/" + id + "/resume");
                }
                return "completed".equals(status);
            });
            assertThat(CampaignApi.report(id).getLong("funnel.targeted")).isEqualTo(1);
        } finally {
            PeerServicesStub.segmentationDown(false);
        }
    }

    static Map<String, Object> broadcast(String segment, String exclude, Map<String, Object> window) {
        Map<String, Object> audience = new HashMap<>();
        audience.put("segments", List.of(segment));
        if (exclude != null) {
            audience.put("excludeSegments", List.of(exclude));
        }
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("name", "New arrivals");
        campaign.put("owner", "li@shop.example");
        campaign.put("audience", audience);
        campaign.put("channels", List.of(Map.of("channel", "app_push", "costPerMessage", 0.01),
                Map.of("channel", "sms", "costPerMessage", 0.05)));
        campaign.put("template", "Hello {{name}}, new arrivals are in.");
        campaign.put("schedule", Map.of("type", "now"));
        if (window != null) {
            campaign.put("sendWindow", window);
        }
        return campaign;
    }
}
