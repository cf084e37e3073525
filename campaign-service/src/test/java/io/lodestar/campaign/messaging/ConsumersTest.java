package io.lodestar.campaign.messaging;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lodestar.campaign.CampaignApi;
import io.lodestar.campaign.CampaignEvents;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every consumer of campaign-service against the real broker: a record it cannot parse goes to the topic's
 * dead-letter topic and the consumer goes on; a record with fields it does not know is accepted; a redelivered
 * event changes nothing.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ConsumersTest {

    @ParameterizedTest
    @ValueSource(strings = {Topics.CUSTOMERS, Topics.IDENTITY, Topics.SEGMENT_MEMBERSHIP, Topics.PRODUCT_TRENDS,
            Topics.ORDERS, Topics.CAMPAIGN_FEEDBACK, Topics.CUSTOMER_EVENTS})
    void aPoisonRecordGoesToTheDeadLetterTopic(String topic) {
        String garbage = "{not json " + UUID.randomUUID();
        KafkaTestClient.produce(topic, "poison", garbage);
        assertThat(KafkaTestClient.read(Topics.deadLetter(topic), record -> garbage.equals(record.value()),
                records -> !records.isEmpty(), Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void theProfileConsumerGoesOnAfterAPoisonRecordAndToleratesUnknownFields() {
        KafkaTestClient.produce(Topics.CUSTOMERS, "poison", "{\"eventId\": 42}");
        String customer = "tolerant-" + UUID.randomUUID();
        String json = CampaignEvents.customer(customer, "Asia/Shanghai", MessageChannel.SMS);
        // A field a newer producer added, at the top level and in the payload.
        String extended = json.replaceFirst("\\{", "{\"traceId\":\"abc\",").replace("\"timeZone\"",
                "\"loyaltyLevel\":\"gold\",\"timeZone\"");
        CampaignEvents.publish(Topics.CUSTOMERS, customer, extended);
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        given().header("Authorization", OPERATOR).get("/contacts/" + customer).then().statusCode(200)
                .body("timeZone", org.hamcrest.Matchers.equalTo("Asia/Shanghai"))
                .body("consentedChannels", org.hamcrest.Matchers.contains("sms"));
    }

    @Test
    void anErasedCustomerIsForgotten() {
        String customer = "erased-" + UUID.randomUUID();
        CampaignEvents.publish(Topics.CUSTOMERS, customer, CampaignEvents.customer(customer, "UTC",
                MessageChannel.SMS));
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        String erased = CampaignEvents.CODEC.encode(io.lodestar.contracts.EventEnvelope.of(
                io.lodestar.contracts.EventType.IDENTITY_ERASED, "test", customer,
                new io.lodestar.contracts.identity.CustomerErased(customer, java.time.Instant.now(), "request")));
        CampaignEvents.publish(Topics.IDENTITY, customer, erased);
        CampaignEvents.publish(Topics.IDENTITY, customer, erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> !CampaignApi.contactKnown(customer));
    }

    @Test
    void aRedeliveredWithdrawalAndAnOlderSnapshotArrivingLateDoNotUndoIt() {
        String customer = "unsub-" + UUID.randomUUID();
        String older = CampaignEvents.customer(customer, "Asia/Shanghai", MessageChannel.SMS, MessageChannel.APP_PUSH);
        CampaignEvents.publish(Topics.CUSTOMERS, customer, older);
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignApi.contactKnown(customer));
        // The customer withdraws SMS consent (a newer snapshot, delivered twice); then the older one arrives late.
        String withdrawn = CampaignEvents.customer(customer, "Asia/Shanghai", MessageChannel.APP_PUSH)
                .replace("\"consents\":[", "\"consents\":[{\"channel\":\"sms\",\"granted\":false,\"updatedAt\":\""
                        + java.time.Instant.now().plusSeconds(1) + "\"},");
        CampaignEvents.publish(Topics.CUSTOMERS, customer, withdrawn);
        CampaignEvents.publish(Topics.CUSTOMERS, customer, withdrawn);
        CampaignEvents.publish(Topics.CUSTOMERS, customer, older);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", OPERATOR)
                .get("/contacts/" + customer).then().extract().jsonPath().getList("consentedChannels")
                .equals(List.of("app_push")));
        // Still so once everything was consumed (the older snapshot came last, its sms consent is older).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> given()
                .header("Authorization", OPERATOR).get("/contacts/" + customer).then().extract().jsonPath()
                .getList("consentedChannels").equals(List.of("app_push")));
    }
}
