package io.lodestar.recommendation.interaction;

import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.lodestar.recommendation.RecommendationEvents.behaviour;
import static io.lodestar.recommendation.RecommendationEvents.erased;
import static io.lodestar.recommendation.RecommendationEvents.merged;
import static io.lodestar.recommendation.RecommendationEvents.paid;
import static io.lodestar.recommendation.RecommendationEvents.publish;
import static io.lodestar.recommendation.RecommendationEvents.publishEvents;
import static io.lodestar.recommendation.RecommendationEvents.publishOrders;
import static io.lodestar.recommendation.RecommendationEvents.refunded;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Topics;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class InteractionConsumersTest {

    private static final Instant JAN = Instant.parse("2026-01-10T09:30:00Z");

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void behaviourAboutAnItemIsAnInteractionAndItsUnknownItemBecomesAStub() {
        String customer = "c-" + UUID.randomUUID();
        String item = "sku-" + UUID.randomUUID();
        String view = behaviour(customer, BehaviourType.PRODUCT_VIEW, item, "sunscreen", JAN);
        publishEvents(customer, view, view, behaviour(customer, BehaviourType.PAGE_VIEW, null, null, JAN),
                behaviour(customer, BehaviourType.ADD_TO_CART, item, "sunscreen", JAN.plusSeconds(60)));

        List<String> kinds = awaitKinds(customer, 2);
        assertThat(kinds).containsExactly("add_to_cart", "product_view"); // the redelivered view counts once
        given().header("Authorization", OPERATOR).get("/items/" + item).then().statusCode(200)
                .body("stub", equalTo(true)).body("category", equalTo("sunscreen"));
    }

    @Test
    void aPaidOrderIsOneInteractionPerItemAndAWholeOrderRefundComesBackPerItem() {
        String customer = "c-" + UUID.randomUUID();
        String order = "o-" + customer;
        String paid = paid(customer, order, JAN, "sku-a", "sku-b", "sku-a");
        publishOrders(customer, paid, paid, refunded(customer, order, JAN.plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/customers/" + customer + "/interactions").then().statusCode(200)
                .body("size()", equalTo(4))
                .body("findAll { it.kind == 'order' }.itemId.sort()", equalTo(List.of("sku-a", "sku-b")))
                .body("find { it.kind == 'order' && it.itemId == 'sku-a' }.quantity", equalTo(2))
                .body("findAll { it.kind == 'refund' }.itemId.sort()", equalTo(List.of("sku-a", "sku-b"))));
    }

    @Test
    void aMergeMovesInteractionsToTheSurvivorAndAnErasureForgetsThem() {
        String survivor = "c-" + UUID.randomUUID();
        String mergedId = "c-" + UUID.randomUUID();
        publishEvents(mergedId, behaviour(mergedId, BehaviourType.FAVORITE, "sku-m", "toys", JAN));
        awaitKinds(mergedId, 1);
        publish(Topics.IDENTITY, survivor, merged(survivor, mergedId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kinds(survivor))
                .containsExactly("favorite"));
        assertThat(kinds(mergedId)).isEmpty();
        // A late event about the merged id lands on the survivor.
        publishEvents(mergedId, behaviour(mergedId, BehaviourType.SHARE, "sku-m", "toys", JAN.plusSeconds(5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kinds(survivor)).hasSize(2));

        publish(Topics.IDENTITY, survivor, erased(survivor));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kinds(survivor)).isEmpty());
        publishEvents(survivor, behaviour(survivor, BehaviourType.CLICK, "sku-m", "toys", JAN.plusSeconds(9)),
                behaviour("marker-" + survivor, BehaviourType.CLICK, "sku-m", "toys", JAN));
        awaitKinds("marker-" + survivor, 1);
        assertThat(kinds(survivor)).as("events about an erased customer are dropped").isEmpty();
    }

    @Test
    void hidingAnItemIsIdempotentNegativeFeedbackAndCanBeWithdrawn() {
        String customer = "c-" + UUID.randomUUID();
        String path = "/customers/" + customer + "/hidden-items/sku-h";
        given().header("Authorization", APP).put(path).then().statusCode(204);
        given().header("Authorization", APP).put(path).then().statusCode(204);
        assertThat(kinds(customer)).containsExactly("not_interested");
        given().header("Authorization", APP).delete(path).then().statusCode(204);
        given().header("Authorization", APP).delete(path).then().statusCode(204);
        assertThat(kinds(customer)).isEmpty();
        given().put(path).then().statusCode(401);
    }

    @Test
    void aGarbageRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String customer = "c-" + UUID.randomUUID();
        String garbage = "{\"type\":\"order.paid\", not json " + customer;
        String unknownField = paid(customer, "o-" + customer, JAN, "sku-x").replaceFirst("\\{", "{\"addedLater\":true,");
        publishOrders(customer, garbage, unknownField);

        awaitKinds(customer, 1);
        assertThat(KafkaTestClient.read(Topics.deadLetter(Topics.ORDERS), r -> customer.equals(r.key()),
                r -> !r.isEmpty(), Duration.ofSeconds(30))).extracting(ConsumerRecord::value).containsExactly(garbage);
    }

    @Test
    void interactionsNeedTheOperatorRoleAndABoundedLimit() {
        given().header("Authorization", APP).get("/customers/x/interactions").then().statusCode(403);
        given().header("Authorization", OPERATOR).queryParam("limit", 0).get("/customers/x/interactions").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static List<String> awaitKinds(String customer, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> kinds(customer), kinds -> kinds.size() == count);
    }

    private static List<String> kinds(String customer) {
        return given().header("Authorization", OPERATOR).get("/customers/" + customer + "/interactions").then()
                .statusCode(200).extract().jsonPath().getList("kind", String.class);
    }
}
