package io.lodestar.customerprofile.erasure;

import static io.lodestar.customerprofile.ProfileApi.APP;
import static io.lodestar.customerprofile.ProfileApi.newId;
import static io.lodestar.customerprofile.ProfileApi.putProfile;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ErasureAndExportTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void theExportHoldsEverythingAndErasureRemovesThePersonButKeepsTheStatistics() {
        String customer = newId();
        String phone = "+86139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        putProfile(customer, "{\"city\":\"Chengdu\",\"gender\":\"male\"}").statusCode(201);
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"type\":\"phone\",\"value\":\"" + phone + "\"}")
                .post("/customers/" + customer + "/identities").then().statusCode(201);
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{\"granted\":true}")
                .put("/customers/" + customer + "/consents/sms").then().statusCode(200);
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"kind\":\"complaint\",\"comment\":\"my address is 1 Long Road\"}")
                .post("/customers/" + customer + "/feedback").then().statusCode(201);
        String orderId = "o-" + UUID.randomUUID();
        given().header("Authorization", APP).contentType(ContentType.JSON).body("""
                {"orderId":"%s","customerId":"%s","currency":"CNY","placedAt":"%s",
                 "lines":[{"itemId":"sku-1","category":"tea","quantity":2,"unitPrice":30}]}"""
                .formatted(orderId, customer, Instant.now().minusSeconds(60))).post("/orders").then().statusCode(201);
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"events\":[{\"eventId\":\"%s\",\"customerId\":\"%s\",\"type\":\"page_view\",\"channel\":\"app\",\"occurredAt\":\"%s\"}]}"
                        .formatted(UUID.randomUUID(), customer, Instant.now().minusSeconds(30)))
                .post("/events").then().statusCode(202);

        given().header("Authorization", ADMIN).get("/customers/" + customer + "/export").then().statusCode(200)
                .body("profile.city", equalTo("Chengdu"))
                .body("identities[0].type", equalTo("phone"))
                .body("consents[0].channel", equalTo("sms"))
                .body("orders[0].orderId", equalTo(orderId))
                .body("feedback[0].comment", containsString("Long Road"))
                .body("events.size()", equalTo(1))
                .body(not(containsString(phone.substring(3))));
        problem(given().header("Authorization", APP).get("/customers/" + customer + "/export").then(), 403);

        given().header("Authorization", ADMIN).delete("/customers/" + customer).then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/customers/" + customer).then().statusCode(204);

        given().header("Authorization", APP).get("/customers/" + customer).then().statusCode(200)
                .body("status", equalTo("erased")).body("city", nullValue()).body("gender", nullValue());
        problem(given().header("Authorization", APP).get("/identities/phone/" + phone).then(), 404);
        given().header("Authorization", APP).get("/customers/" + customer + "/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().header("Authorization", APP).get("/orders/" + orderId).then().statusCode(200)
                .body("customerId", containsString("erased-"));
        given().header("Authorization", ADMIN).get("/customers/" + customer + "/export").then().statusCode(200)
                .body("identities.size()", equalTo(0)).body("feedback.size()", equalTo(0))
                .body("events.size()", equalTo(0)).body("orders.size()", equalTo(0));
        problem(putProfile(customer, "{\"city\":\"Chengdu\"}"), 409);

        List<ConsumerRecord<String, String>> erased = KafkaTestClient.read(Topics.IDENTITY,
                r -> customer.equals(r.key()), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.readFor(Topics.IDENTITY, r -> customer.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(1);
        assertThat(CODEC.decode(erased.get(0).value(), CustomerErased.class).payload().customerId()).isEqualTo(customer);
        List<ConsumerRecord<String, String>> snapshots = KafkaTestClient.read(Topics.CUSTOMERS,
                r -> customer.equals(r.key()), r -> r.size() >= 3, Duration.ofSeconds(30));
        CustomerUpserted last = CODEC.decode(snapshots.get(snapshots.size() - 1).value(), CustomerUpserted.class)
                .payload();
        assertThat(last.city()).isNull();
        assertThat(last.consents()).isEmpty();
    }

    @Test
    void erasingAnUnknownCustomerIs404AndNeedsTheAdminRole() {
        problem(given().header("Authorization", ADMIN).delete("/customers/missing-" + UUID.randomUUID()).then(), 404);
        problem(given().header("Authorization", APP).delete("/customers/" + newId()).then(), 403);
    }
}
