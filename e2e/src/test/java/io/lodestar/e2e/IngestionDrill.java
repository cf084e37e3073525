package io.lodestar.e2e;

import static io.lodestar.e2e.LodestarSuite.PROFILE;
import static io.lodestar.e2e.LodestarSuite.SEGMENTATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.SoftAssertions;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What an app backend does while the drill breaks Kafka: one thread sends behaviour events in batches and one places
 * and pays orders, for customers of the drill's own, and each retries a refused call with the same idempotency keys
 * (event ids, order ids) until it is accepted — the contract of {@code POST /events} (503: nothing recorded, send
 * again) and of the order endpoints. It counts what was accepted, so that the drill can check every service holds
 * exactly that: no more (a retry counted twice), no less (an accepted write lost while the broker was away).
 */
final class IngestionDrill {

    /** What the writers had accepted when they stopped. */
    record Sent(Map<String, Integer> eventsPerCustomer, Map<String, Integer> ordersPerCustomer, int refusedWhileAway) {
    }

    private final LodestarSuite suite;
    private final String prefix;
    private final List<String> customers = new ArrayList<>();
    private final Map<String, Integer> events = new ConcurrentHashMap<>();
    private final Map<String, Integer> orders = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> writers = new ArrayList<>();
    private final List<Throwable> writerFailures = new ArrayList<>();

    IngestionDrill(LodestarSuite suite, String prefix, int customerCount) {
        this.suite = suite;
        this.prefix = prefix;
        for (int i = 1; i <= customerCount; i++) {
            customers.add(prefix + "-" + i);
        }
    }

    /** What every drill customer's id starts with (the Kafka key of its events). */
    String prefix() {
        return prefix;
    }

    void createCustomers() {
        for (String customer : customers) {
            Api.as("app").body(Map.of("gender", "female", "city", "Hangzhou", "cityTier", "new-tier-1",
                    "registrationChannel", "app", "registeredAt", "2026-01-15T08:00:00Z"))
                    .put(suite.url(PROFILE, "/customers/" + customer)).then().statusCode(201);
            events.put(customer, 0);
            orders.put(customer, 0);
        }
    }

    void start() {
        running.set(true);
        writers.add(writer("e2e-event-writer", this::sendOneEventBatch));
        writers.add(writer("e2e-order-writer", this::placeAndPayOneOrder));
        writers.forEach(Thread::start);
    }

    Sent stop() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(Duration.ofMinutes(2).toMillis());
        }
        synchronized (writerFailures) {
            assertThat(writerFailures).as("the writers' unexpected answers").isEmpty();
        }
        return new Sent(Map.copyOf(events), Map.copyOf(orders), refused.get());
    }

    /** Every accepted event and paid order is in the profile service and in segmentation-service, exactly once. */
    void assertEverythingPresentOnce(Sent sent) {
        SoftAssertions soft = new SoftAssertions();
        for (String customer : customers) {
            int eventCount = sent.eventsPerCustomer().get(customer);
            int orderCount = sent.ordersPerCustomer().get(customer);
            JsonPath view = Api.get(suite.url(PROFILE, "/customers/" + customer + "/360"));
            soft.assertThat(countOrZero(view, "behaviour.events")).as("%s events in the 360 view", customer)
                    .isEqualTo(eventCount);
            soft.assertThat(view.getLong("orders.paidOrders")).as("%s paid orders in the 360 view", customer)
                    .isEqualTo(orderCount);
            List<Object> stored = Api.get(suite.url(PROFILE, "/customers/" + customer + "/orders?limit=200"))
                    .getList("items");
            soft.assertThat(stored).as("%s orders stored", customer).hasSize(orderCount);
            JsonPath features = Api.get(suite.url(SEGMENTATION, "/customers/" + customer + "/features"));
            soft.assertThat(countOrZero(features, "behaviourCounts.product_views"))
                    .as("%s product views in segmentation's features", customer).isEqualTo(eventCount);
            soft.assertThat(features.getInt("paidOrders")).as("%s paid orders in segmentation", customer)
                    .isEqualTo(orderCount);
        }
        soft.assertAll();
    }

    /** A count the view leaves out while it is zero (no event of that kind yet). */
    private static long countOrZero(JsonPath view, String path) {
        Number value = view.get(path);
        return value == null ? 0 : value.longValue();
    }

    private Thread writer(String name, Runnable step) {
        return new Thread(() -> {
            try {
                while (running.get()) {
                    step.run();
                }
            } catch (Throwable e) {
                synchronized (writerFailures) {
                    writerFailures.add(e);
                }
            }
        }, name);
    }

    private final Random random = new Random(7);

    private void sendOneEventBatch() {
        List<Map<String, Object>> batch = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            owners.add(customer);
            batch.add(Map.of("eventId", UUID.randomUUID().toString(), "customerId", customer,
                    "type", "product_view", "channel", "app", "itemId", "drill-item-" + random.nextInt(30),
                    "category", "drill", "occurredAt", Instant.now().toString()));
        }
        Response response = untilAnswered(() -> Api.as("app").body(Map.of("events", batch))
                .post(suite.url(PROFILE, "/events")), 202);
        List<String> statuses = response.jsonPath().getList("results.status");
        for (int i = 0; i < statuses.size(); i++) {
            if (!statuses.get(i).equals("accepted") && !statuses.get(i).equals("duplicate")) {
                throw new AssertionError("event " + i + " " + statuses.get(i) + ": " + response.asString());
            }
            events.merge(owners.get(i), 1, Integer::sum);
        }
        ServiceProcess.pause(Duration.ofMillis(100));
    }

    private void placeAndPayOneOrder() {
        String customer = customers.get(random.nextInt(customers.size()));
        String orderId = "drill-order-" + UUID.randomUUID();
        Instant placedAt = Instant.now();
        Map<String, Object> order = Map.of("orderId", orderId, "customerId", customer, "currency", "CNY",
                "channel", "app", "placedAt", placedAt.toString(),
                "lines", List.of(Map.of("itemId", "drill-item-1", "category", "drill", "quantity", 2,
                        "unitPrice", new BigDecimal("49.90"))));
        untilAnswered(() -> Api.as("app").body(order).post(suite.url(PROFILE, "/orders")), 201, 200);
        untilAnswered(() -> Api.as("app").body(Map.of("paidAt", placedAt.toString()))
                .post(suite.url(PROFILE, "/orders/" + orderId + "/payment")), 200);
        orders.merge(customer, 1, Integer::sum);
        ServiceProcess.pause(Duration.ofMillis(500));
    }

    /** The call again (same idempotency keys) until it answers one of {@code expected}; a 5xx or no answer is retried. */
    private Response untilAnswered(java.util.function.Supplier<Response> call, int... expected) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Response response;
            try {
                response = call.get();
            } catch (RuntimeException e) {
                refused.incrementAndGet();
                ServiceProcess.pause(Duration.ofMillis(500));
                continue;
            }
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response;
                }
            }
            if (response.statusCode() < 500) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.asString());
            }
            refused.incrementAndGet();
            ServiceProcess.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("no answer after 200 attempts");
    }
}
