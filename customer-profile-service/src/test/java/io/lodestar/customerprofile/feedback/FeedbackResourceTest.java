package io.lodestar.customerprofile.feedback;

import static io.lodestar.customerprofile.ProfileApi.APP;
import static io.lodestar.customerprofile.ProfileApi.createCustomer;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.behaviour.CustomerFeedbackGiven;
import io.lodestar.contracts.behaviour.CustomerFeedbackKind;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class FeedbackResourceTest {

    private static final EventCodec CODEC = new EventCodec();

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void feedbackIsRecordedOnceAndPublishedWithoutTheComment() {
        String customer = createCustomer();
        UUID id = UUID.randomUUID();
        String body = "{\"feedbackId\":\"%s\",\"kind\":\"complaint\",\"score\":4,\"category\":\"delivery\",\"comment\":\"Late again, call me on 138 0013 8000\",\"channel\":\"mini_program\"}"
                .formatted(id);
        give(customer, body).statusCode(201).body("category", equalTo("delivery"));
        give(customer, body).statusCode(200);

        List<ConsumerRecord<String, String>> events = KafkaTestClient.read(Topics.CUSTOMER_EVENTS,
                r -> customer.equals(r.key()), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.readFor(Topics.CUSTOMER_EVENTS, r -> customer.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(1);
        assertThat(events.get(0).value()).doesNotContain("138 0013");
        CustomerFeedbackGiven given = CODEC.decode(events.get(0).value(), CustomerFeedbackGiven.class).payload();
        assertThat(given.kind()).isEqualTo(CustomerFeedbackKind.COMPLAINT);
        assertThat(given.feedbackId()).isEqualTo(id.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":\"nps\"}                   | score",
            "{\"kind\":\"nps\",\"score\":11}      | score",
            "{\"kind\":\"csat\",\"score\":0}      | score",
            "{\"kind\":\"praise\"}                | kind",
            "{\"score\":5}                        | kind",
            "{\"kind\":\"nps\",\"score\":9,\"givenAt\":\"2999-01-01T00:00:00Z\"} | givenAt"})
    void invalidFeedbackIs400NamingTheField(String body, String field) {
        problem(give(createCustomer(), body), 400).body("violations.field", hasItem(field));
    }

    @Test
    void feedbackForAnUnknownCustomerIs404() {
        problem(give("missing-" + UUID.randomUUID(), "{\"kind\":\"nps\",\"score\":9}"), 404);
    }

    static ValidatableResponse give(String customerId, String body) {
        return given().header("Authorization", APP).contentType(ContentType.JSON).body(body)
                .post("/customers/" + customerId + "/feedback").then();
    }
}
