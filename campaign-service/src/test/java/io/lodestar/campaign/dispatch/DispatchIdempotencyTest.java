package io.lodestar.campaign.dispatch;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.lodestar.campaign.CampaignApi;
import io.lodestar.campaign.CampaignEvents;
import io.lodestar.campaign.PeerServicesStub;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a restart or a second replica does to a dispatch: several drivers on the same run at once (this JVM's
 * scheduler plus three more, as three more replicas would be; a driver killed mid-page is one whose page rolls back)
 * still send every member exactly one message, because each page's transaction locks the run and compares its cursor,
 * and every message carries its idempotency key.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class DispatchIdempotencyTest {

    @Inject
    RunDriver driver;

    @Test
    void concurrentDriversOfOneRunSendEachMessageOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> members = IntStream.range(0, 40).mapToObj(i -> "idem-" + run + "-" + i).toList();
        for (String member : members) {
            CampaignEvents.publish(Topics.CUSTOMERS, member, CampaignEvents.customer(member, "UTC",
                    MessageChannel.APP_PUSH));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(members.get(members.size() - 1)));
        PeerServicesStub.segment("idem-" + run, members);
        String id = CampaignApi.createAndSchedule(BroadcastDispatchTest.broadcast("idem-" + run, null,
                Map.of("start", "00:00", "end", "23:59:59")));
        String runId = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", OPERATOR)
                .get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath()
                .getString("[0].runId"), java.util.Objects::nonNull);
        for (int i = 0; i < 3; i++) {
            driver.drive(UUID.fromString(runId)).subscribe().with(ignored -> { }, failure -> { });
        }
        CampaignApi.awaitStatus(id, "completed");

        var dispatched = KafkaTestClient.read(Topics.CAMPAIGN_DISPATCH,
                record -> record.key().startsWith("idem-" + run + "-"), records -> records.size() > 40,
                Duration.ofSeconds(8));
        assertThat(dispatched).hasSize(40);
        var runView = given().header("Authorization", OPERATOR).get("/campaigns/" + id + "/runs").then()
                .statusCode(200).extract().jsonPath();
        assertThat(dispatched.stream().map(r -> r.key()).distinct()).containsExactlyInAnyOrderElementsOf(members);
        assertThat(runView.getInt("[0].targeted")).isEqualTo(40);
        assertThat(runView.getInt("[0].dispatched")).isEqualTo(40);
        assertThat(CampaignApi.report(id).getLong("funnel.sent")).isEqualTo(40);
    }
}
