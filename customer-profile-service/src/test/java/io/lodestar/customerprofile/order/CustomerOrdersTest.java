package io.lodestar.customerprofile.order;

import static io.lodestar.customerprofile.order.OrderApi.APP;
import static io.lodestar.customerprofile.order.OrderApi.newId;
import static io.lodestar.customerprofile.order.OrderApi.order;
import static io.lodestar.customerprofile.order.OrderApi.post;
import static io.lodestar.customerprofile.order.OrderApi.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /customers/{customerId}/orders: newest first, in cursor pages. */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class CustomerOrdersTest {

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void walkingTheCursorVisitsEveryOrderOfTheCustomerOnceNewestFirst() {
        String customerId = newId("customer");
        String prefix = newId("order");
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // Placed at minutes 0, 1, 2, 2, 2, 3, 4: three orders share a placedAt, so the orderId breaks the tie.
        int[] minutes = {0, 1, 2, 2, 2, 3, 4};
        for (int i = 0; i < minutes.length; i++) {
            post("/orders", with(order(prefix + "-" + i, customerId), "placedAt",
                    base.plus(minutes[i], ChronoUnit.MINUTES).toString())).statusCode(201);
        }
        post("/orders", order(newId("order"), newId("customer"))).statusCode(201);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", APP).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/customers/" + customerId + "/orders").then().statusCode(200)
                    .extract().jsonPath();
            List<String> ids = page.getList("items.orderId", String.class);
            seen.addAll(ids);
            pageSizes.add(ids.size());
            cursor = page.getString("nextCursor");
        } while (cursor != null && seen.size() < 100);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactly(prefix + "-6", prefix + "-5", prefix + "-4", prefix + "-3", prefix + "-2",
                prefix + "-1", prefix + "-0");
    }

    @Test
    void aFullLastPageHasNoNextCursorAndTheDefaultLimitIs50() {
        String customerId = newId("customer");
        post("/orders", order(newId("order"), customerId)).statusCode(201);
        post("/orders", order(newId("order"), customerId)).statusCode(201);

        given().header("Authorization", APP).queryParam("limit", 2).get("/customers/" + customerId + "/orders")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].customerId", equalTo(customerId))
                .body("items[0].lines", hasSize(2))
                .body("nextCursor", nullValue());
        given().header("Authorization", APP).get("/customers/" + customerId + "/orders")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", nullValue());
    }

    @Test
    void aCustomerWithoutOrdersHasAnEmptyPage() {
        given().header("Authorization", APP).get("/customers/" + newId("customer") + "/orders")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }
}
