package io.lodestar.customerprofile.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The orders API as the tests call it: request bodies as mutable JSON trees, calls, and the events they publish. */
final class OrderApi {

    static final EventCodec CODEC = new EventCodec();
    static final String APP = TestTokens.bearer(Roles.APP);
    /** Marks a field to remove in {@link #with}. */
    static final Object ABSENT = new Object();

    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private OrderApi() {
    }

    static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    /**
     * A valid order of two lines: 2 × 50.00 − 5.00 and 1 × 30.00, minus an order discount of 10.00, total 115.00,
     * placed an hour ago.
     */
    static Map<String, Object> order(String orderId, String customerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("customerId", customerId);
        body.put("lines", new ArrayList<>(List.of(
                line("sku-1", "beauty", "Sunscreen", 2, "50.00", "5.00"),
                line("sku-2", "apparel", null, 1, "30.00", null))));
        body.put("currency", "CNY");
        body.put("discountAmount", "10.00");
        body.put("couponCode", "WELCOME10");
        body.put("channel", "mini_program");
        body.put("campaignId", "campaign-spring");
        body.put("placedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        return body;
    }

    static Map<String, Object> line(String itemId, String category, String title, int quantity, String unitPrice,
            String discount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemId", itemId);
        line.put("category", category);
        if (title != null) {
            line.put("title", title);
        }
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        if (discount != null) {
            line.put("discount", discount);
        }
        return line;
    }

    static Map<String, Object> payment(String paidAmount) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (paidAmount != null) {
            body.put("paidAmount", paidAmount);
        }
        body.put("paidAt", Instant.now().minus(30, ChronoUnit.MINUTES).toString());
        return body;
    }

    static Map<String, Object> refund(String refundId, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refundId", refundId);
        body.put("amount", amount);
        body.put("reason", "damaged");
        body.put("refundedAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        return body;
    }

    static Map<String, Object> refundLine(String itemId, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemId", itemId);
        line.put("quantity", quantity);
        return line;
    }

    static Map<String, Object> cancellation() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "changed my mind");
        body.put("cancelledAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        return body;
    }

    /**
     * Sets (or with {@link #ABSENT} removes) the field at a path such as {@code lines[1].unitPrice} in a copy-free
     * way: the tree is changed in place and returned.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        String[] steps = path.split("\\.");
        Map<String, Object> node = body;
        for (int i = 0; i < steps.length; i++) {
            Matcher m = STEP.matcher(steps[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            boolean last = i == steps.length - 1;
            if (m.group(2) == null) {
                if (last) {
                    if (value == ABSENT) {
                        node.remove(m.group(1));
                    } else {
                        node.put(m.group(1), value);
                    }
                } else {
                    node = (Map<String, Object>) node.get(m.group(1));
                }
            } else {
                List<Object> list = (List<Object>) node.get(m.group(1));
                int index = Integer.parseInt(m.group(2));
                if (last) {
                    list.set(index, value);
                } else {
                    node = (Map<String, Object>) list.get(index);
                }
            }
        }
        return body;
    }

    static ValidatableResponse post(String path, Object body) {
        return post(path, body, APP);
    }

    static ValidatableResponse post(String path, Object body, String authorization) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.post(path).then();
    }

    static ValidatableResponse get(String path) {
        return given().header("Authorization", APP).get(path).then();
    }

    /** Places the standard order and answers its orderId. */
    static String placed(String customerId) {
        String orderId = newId("order");
        post("/orders", order(orderId, customerId)).statusCode(201);
        return orderId;
    }

    /** Places and pays the standard order (total 115.00). */
    static String paid(String customerId) {
        String orderId = placed(customerId);
        post("/orders/" + orderId + "/payment", payment(null)).statusCode(200);
        return orderId;
    }

    /** Reads the customer's order events until {@code count} have arrived (or 30 s passed). */
    static List<ConsumerRecord<String, String>> events(String customerId, int count) {
        return KafkaTestClient.read(Topics.ORDERS, r -> customerId.equals(r.key()), r -> r.size() >= count,
                Duration.ofSeconds(30));
    }

    /** Every order event of the customer published within a 3-second window. */
    static List<ConsumerRecord<String, String>> eventsWithin3s(String customerId) {
        return KafkaTestClient.readFor(Topics.ORDERS, r -> customerId.equals(r.key()), Duration.ofSeconds(3));
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> CODEC.decode(r.value()).type()).toList();
    }

    /** Asserts that exactly these event types were published for the customer, in this order. */
    static void assertEventTypes(String customerId, String... types) {
        assertThat(types(events(customerId, types.length))).containsExactly(types);
    }

    /** Asserts that posting {@code body} to {@code path} is refused with 400 naming {@code field}. */
    static void assertInvalid(String path, Object body, String field) {
        problem(post(path, body), 400, "validation").body("violations.field", hasItem(field));
    }

    /** Asserts the problem shape common to every error and returns the response for more checks. */
    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        String body = response.extract().asString();
        assertThat(body).doesNotContain("java.", "Exception", "at io.");
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://lodestar.io/problems/" + type));
    }
}
