package io.lodestar.customerprofile.consent;

import static io.lodestar.customerprofile.ProfileApi.APP;
import static io.lodestar.customerprofile.ProfileApi.createCustomer;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ConsentResourceTest {

    private static final EventCodec CODEC = new EventCodec();

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void aConsentIsStoredAndTravelsInTheProfileSnapshot() {
        String customer = createCustomer();
        set(customer, "sms", "{\"granted\":true,\"source\":\"register-form\"}").statusCode(200)
                .body("granted", equalTo(true)).body("purpose", equalTo("marketing"));
        given().header("Authorization", APP).get("/customers/" + customer + "/consents").then().statusCode(200)
                .body("channel", hasItem("sms"));

        List<ConsumerRecord<String, String>> snapshots = KafkaTestClient.read(Topics.CUSTOMERS,
                r -> customer.equals(r.key()), r -> r.size() >= 2, Duration.ofSeconds(30));
        CustomerUpserted latest = CODEC.decode(snapshots.get(snapshots.size() - 1).value(), CustomerUpserted.class)
                .payload();
        assertThat(latest.consents()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(MessageChannel.SMS);
            assertThat(c.granted()).isTrue();
            assertThat(c.source()).isEqualTo("register-form");
        });
    }

    @Test
    void anOlderDecisionDoesNotOverrideANewerOne() {
        String customer = createCustomer();
        set(customer, "email", "{\"granted\":false,\"at\":\"%s\"}".formatted(Instant.now().minusSeconds(10)))
                .statusCode(200);
        set(customer, "email", "{\"granted\":true,\"at\":\"%s\"}".formatted(Instant.now().minusSeconds(3600)))
                .statusCode(200).body("granted", equalTo(false));
    }

    @Test
    void anUnsubscribeFromCampaignFeedbackRevokesConsentOnceAndGarbageGoesToTheDeadLetterTopic() {
        String customer = createCustomer();
        set(customer, "sms", "{\"granted\":true}").statusCode(200);
        String stop = CODEC.encode(EventEnvelope.of(EventType.CAMPAIGN_MESSAGE_FEEDBACK, "sms-gateway", customer,
                new MessageFeedback("m-" + UUID.randomUUID(), "camp-1", customer, MessageChannel.SMS,
                        FeedbackKind.UNSUBSCRIBED, Instant.now(), "STOP")));
        String garbage = "{\"type\":\"campaign.message-feedback\", broken " + customer;
        KafkaTestClient.produce(Topics.CAMPAIGN_FEEDBACK, customer, garbage);
        KafkaTestClient.produce(Topics.CAMPAIGN_FEEDBACK, customer, stop);
        KafkaTestClient.produce(Topics.CAMPAIGN_FEEDBACK, customer, stop);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", APP)
                .get("/customers/" + customer + "/consents").then().statusCode(200)
                .body("find { it.channel == 'sms' }.granted", equalTo(false)));
        assertThat(KafkaTestClient.read(Topics.deadLetter(Topics.CAMPAIGN_FEEDBACK), r -> customer.equals(r.key()),
                r -> !r.isEmpty(), Duration.ofSeconds(30))).extracting(ConsumerRecord::value).containsExactly(garbage);
        // Granted, then revoked once: the duplicate STOP published no third snapshot.
        assertThat(KafkaTestClient.readFor(Topics.CUSTOMERS, r -> customer.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(3);
    }

    @Test
    void badConsentRequestsAre400() {
        String customer = createCustomer();
        problem(set(customer, "fax", "{\"granted\":true}"), 400).body("violations.field", hasItem("channel"));
        problem(set(customer, "sms", "{}"), 400).body("violations.field", hasItem("granted"));
        problem(set(customer, "sms", "{\"granted\":true,\"at\":\"%s\"}".formatted(Instant.now().plusSeconds(3600))),
                400).body("violations.field", hasItem("at"));
        problem(set("missing-" + UUID.randomUUID(), "sms", "{\"granted\":true}"), 404);
    }

    static ValidatableResponse set(String customerId, String channel, String body) {
        return given().header("Authorization", APP).contentType(ContentType.JSON).body(body)
                .put("/customers/" + customerId + "/consents/" + channel).then();
    }
}
