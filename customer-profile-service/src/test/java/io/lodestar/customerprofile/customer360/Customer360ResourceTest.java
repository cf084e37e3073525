package io.lodestar.customerprofile.customer360;

import static io.lodestar.customerprofile.ProfileApi.APP;
import static io.lodestar.customerprofile.ProfileApi.createCustomer;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.redis.RedisKeyPrefixResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.redis.client.Command;
import jakarta.inject.Inject;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class Customer360ResourceTest {

    @Inject
    RedisKeys redisKeys;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /**
     * Regression: a view used to hold a session connection while asking the pool for three more, so that some
     * twenty concurrent views took every connection and waited for each other until the pool timed out (500).
     */
    @Test
    void manyConcurrentViewsAllAnswer() throws Exception {
        String customer = createCustomer();
        paidOrder(customer, "beauty", "100.00", Instant.now().minus(10, ChronoUnit.DAYS));
        int concurrent = 64;
        ExecutorService callers = Executors.newFixedThreadPool(concurrent);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < concurrent * 3; i++) {
                answers.add(callers.submit(() -> given().header("Authorization", APP)
                        .get("/customers/" + customer + "/360").then().extract().statusCode()));
            }
            for (Future<Integer> status : answers) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theViewBringsOrdersBehaviourFeedbackConsentsAndSegmentTagsTogether() {
        String customer = createCustomer();
        Instant now = Instant.now();
        paidOrder(customer, "beauty", "100.00", now.minus(10, ChronoUnit.DAYS));
        paidOrder(customer, "beauty", "60.00", now.minus(100, ChronoUnit.DAYS));
        paidOrder(customer, "outdoor", "40.00", now.minus(400, ChronoUnit.DAYS));
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"events\":[" + event(customer, "product_view", "beauty", "mini_program") + ","
                        + event(customer, "add_to_cart", "beauty", "mini_program") + ","
                        + event(customer, "product_view", "outdoor", "app") + "]}")
                .post("/events").then().statusCode(202);
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{\"kind\":\"nps\",\"score\":9}")
                .post("/customers/" + customer + "/feedback").then().statusCode(201);
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{\"granted\":true}")
                .put("/customers/" + customer + "/consents/app_push").then().statusCode(200);
        // As segmentation-service leaves them: a version pointer and the customer's hash in that version.
        RedisKeyPrefixResource.command(Command.SET, redisKeys.key(RedisKeyspace.segmentTagsVersion()), "7");
        RedisKeyPrefixResource.command(Command.HSET, redisKeys.key(RedisKeyspace.segmentTags(7, customer)),
                "rfm:classic", "important-value", "churn", "low");

        given().header("Authorization", APP).get("/customers/" + customer + "/360").then().statusCode(200)
                .body("profile.customerId", equalTo(customer))
                .body("orders.paidOrders", equalTo(3))
                .body("orders.netSpend", equalTo(200.0f))
                .body("orders.averageOrderValue", equalTo(66.67f))
                .body("orders.windows.d30.orders", equalTo(1))
                .body("orders.windows.d180.netSpend", equalTo(160.0f))
                .body("orders.windows.d365.orders", equalTo(2))
                .body("orders.topCategories", contains("beauty", "outdoor"))
                .body("orders.currency", equalTo("CNY"))
                .body("orders.firstOrderAt", notNullValue())
                .body("behaviour.events", equalTo(3))
                .body("behaviour.byBehaviour.product_view", equalTo(2))
                .body("behaviour.topCategories[0]", equalTo("beauty"))
                .body("behaviour.preferredChannel", equalTo("mini_program"))
                .body("behaviour.lastSeenAt", notNullValue())
                .body("feedback.latestNps.score", equalTo(9))
                .body("consents.channel", hasItem("app_push"))
                .body("segmentTags.churn", equalTo("low"))
                .body("segmentTags.'rfm:classic'", equalTo("important-value"));
    }

    @Test
    void aCustomerWithNothingYetHasAnEmptyViewAndNoTagsIsNotAnError() {
        String customer = createCustomer();
        given().header("Authorization", APP).get("/customers/" + customer + "/360").then().statusCode(200)
                .body("orders.paidOrders", equalTo(0))
                .body("behaviour.events", equalTo(0))
                .body("segmentTags.size()", equalTo(0));
    }

    @Test
    void anUnknownCustomerIs404() {
        problem(given().header("Authorization", APP).get("/customers/missing-" + UUID.randomUUID() + "/360").then(),
                404);
    }

    static void paidOrder(String customer, String category, String price, Instant at) {
        String orderId = "o-" + UUID.randomUUID();
        given().header("Authorization", APP).contentType(ContentType.JSON).body("""
                {"orderId":"%s","customerId":"%s","currency":"CNY","channel":"app","placedAt":"%s",
                 "lines":[{"itemId":"sku-1","category":"%s","quantity":1,"unitPrice":%s}]}"""
                .formatted(orderId, customer, at, category, price))
                .post("/orders").then().statusCode(201);
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("{\"paidAt\":\"%s\"}".formatted(at.plusSeconds(60)))
                .post("/orders/" + orderId + "/payment").then().statusCode(200);
    }

    static String event(String customer, String type, String category, String channel) {
        return "{\"eventId\":\"%s\",\"customerId\":\"%s\",\"type\":\"%s\",\"itemId\":\"sku-1\",\"category\":\"%s\",\"channel\":\"%s\",\"occurredAt\":\"%s\"}"
                .formatted(UUID.randomUUID(), customer, type, category, channel, Instant.now().minusSeconds(30));
    }
}
