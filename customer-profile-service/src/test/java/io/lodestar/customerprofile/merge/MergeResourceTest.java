package io.lodestar.customerprofile.merge;

import static io.lodestar.customerprofile.ProfileApi.newId;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.lodestar.customerprofile.ProfileApi.putProfile;
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

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class MergeResourceTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String APP = TestTokens.bearer(Roles.APP);

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void aMergeMovesIdentitiesFillsGapsAndIsPublishedOnce() {
        String survivor = newId();
        String merged = newId();
        putProfile(survivor, "{\"city\":\"Shanghai\",\"points\":100,\"memberTier\":\"silver\"}").statusCode(201);
        putProfile(merged, "{\"city\":\"Beijing\",\"gender\":\"female\",\"points\":50,\"memberTier\":\"gold\"}")
                .statusCode(201);
        String openid = "o-" + UUID.randomUUID();
        link(merged, "mini_program_openid", openid);
        String orderId = "o-" + UUID.randomUUID();
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body(("{\"orderId\":\"%s\",\"customerId\":\"%s\",\"currency\":\"CNY\",\"placedAt\":\"%s\","
                        + "\"lines\":[{\"itemId\":\"sku-1\",\"category\":\"tea\",\"quantity\":1,\"unitPrice\":12}]}")
                        .formatted(orderId, merged, java.time.Instant.now().minusSeconds(60)))
                .post("/orders").then().statusCode(201);

        merge(survivor, merged).statusCode(200)
                .body("survivorId", equalTo(survivor))
                .body("identitiesMoved", equalTo(1))
                .body("ordersMoved", equalTo(1));
        given().header("Authorization", APP).get("/orders/" + orderId).then().statusCode(200)
                .body("customerId", equalTo(survivor));
        // Repeating it answers the same outcome.
        merge(survivor, merged).statusCode(200).body("identitiesMoved", equalTo(1));

        given().header("Authorization", APP).get("/identities/mini_program_openid/" + openid).then()
                .statusCode(200).body("customerId", equalTo(survivor));
        given().header("Authorization", APP).get("/customers/" + survivor).then().statusCode(200)
                .body("city", equalTo("Shanghai"))
                .body("gender", equalTo("female"))
                .body("points", equalTo(150))
                .body("memberTier", equalTo("gold"));
        given().header("Authorization", APP).get("/customers/" + merged).then().statusCode(200)
                .body("status", equalTo("merged")).body("mergedInto", equalTo(survivor));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.read(Topics.IDENTITY,
                r -> survivor.equals(r.key()), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.readFor(Topics.IDENTITY, r -> survivor.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(1);
        CustomersMerged payload = CODEC.decode(events.get(0).value(), CustomersMerged.class).payload();
        assertThat(payload.survivorId()).isEqualTo(survivor);
        assertThat(payload.mergedId()).isEqualTo(merged);
    }

    @Test
    void aMergedProfileCannotBeWrittenOrMergedElsewhere() {
        String survivor = newId();
        String merged = newId();
        String other = newId();
        putProfile(survivor, "{}").statusCode(201);
        putProfile(merged, "{}").statusCode(201);
        putProfile(other, "{}").statusCode(201);
        merge(survivor, merged).statusCode(200);

        problem(merge(other, merged), 409);
        problem(merge(merged, other), 409);
        problem(putProfile(merged, "{\"city\":\"Xi'an\"}"), 409);
    }

    @Test
    void badMergesAreRefused() {
        String a = newId();
        putProfile(a, "{}").statusCode(201);
        problem(merge(a, a), 400).body("violations.field", hasItem("mergedId"));
        problem(merge(a, "missing-" + UUID.randomUUID()), 404);
        problem(given().header("Authorization", APP).contentType(ContentType.JSON).body("{\"survivorId\":\"x\"}")
                .post("/customers/merge").then(), 400).body("violations.field", hasItem("mergedId"));
        problem(given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).contentType(ContentType.JSON)
                .body("{\"survivorId\":\"a\",\"mergedId\":\"b\"}").post("/customers/merge").then(), 403);
    }

    static ValidatableResponse merge(String survivorId, String mergedId) {
        return given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"survivorId\":\"%s\",\"mergedId\":\"%s\"}".formatted(survivorId, mergedId))
                .post("/customers/merge").then();
    }

    static void link(String customerId, String type, String value) {
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"type\":\"%s\",\"value\":\"%s\"}".formatted(type, value))
                .post("/customers/" + customerId + "/identities").then().statusCode(201);
    }
}
