package io.lodestar.recommendation.serving;

import static io.lodestar.recommendation.RecommendationEvents.APP;
import static io.lodestar.recommendation.RecommendationEvents.OPERATOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.RecommendationApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Redis is a cache for serving: with Redis unreachable (the client points at a closed port), recommendations still
 * answer — without the cache and without the segment — and a hide still takes effect.
 */
@QuarkusTest
@TestProfile(RedisDownTest.RedisUnreachable.class)
class RedisDownTest {

    /** Port 1 on the loopback: nothing listens there, so every Redis command fails fast. */
    public static class RedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void recommendationsKeepAnsweringWithoutRedis() {
        String item = "umbrella-" + UUID.randomUUID();
        RecommendationApi.putItem(item, "umbrellas", "durable");
        String customer = "c-" + UUID.randomUUID();

        given().header("Authorization", APP).queryParam("scene", "product").queryParam("itemId", item)
                .get("/recommendations/" + customer).then().statusCode(200)
                .body("recommendationId", notNullValue()).body("cached", equalTo(false));
        given().header("Authorization", APP).get("/recommendations/" + customer).then().statusCode(200)
                .body("cached", equalTo(false));
        given().header("Authorization", APP).put("/customers/" + customer + "/hidden-items/" + item).then()
                .statusCode(204);
        given().header("Authorization", OPERATOR).get("/customers/" + customer + "/interactions").then()
                .statusCode(200).body("[0].kind", equalTo("not_interested"));
    }
}
