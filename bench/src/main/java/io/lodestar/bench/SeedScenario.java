package io.lodestar.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Creates the customers the {@code c360} scenario reads: {@code bench-c0 … bench-c<N-1>}, each with a small profile
 * ({@code PUT /customers/{id}}, UpsertCustomerRequest), a few placed and paid orders ({@code POST /orders},
 * {@code POST /orders/{id}/payment}) and a few behaviour events. Everything is derived from the customer number, so
 * running the seed again changes nothing (profiles unchanged, orders and events answered as repeats).
 */
final class SeedScenario {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String[][] CITIES = {
            {"Shanghai", "Shanghai", "east", "tier-1"}, {"Beijing", "Beijing", "north", "tier-1"},
            {"Hangzhou", "Zhejiang", "east", "new-tier-1"}, {"Chengdu", "Sichuan", "southwest", "new-tier-1"},
            {"Xiamen", "Fujian", "east", "tier-2"}, {"Kunming", "Yunnan", "southwest", "tier-2"},
            {"Zhuzhou", "Hunan", "central", "tier-3-and-below"}, {"Baoding", "Hebei", "north", "tier-3-and-below"}};
    private static final String[] GENDERS = {"female", "male", "unknown"};
    private static final String[] TIERS = {"normal", "silver", "gold"};
    private static final String[] CHANNELS = {"app", "mini_program", "web"};

    private final Api api;
    private final int customers;
    private final int ordersPerCustomer;
    private final int eventsPerCustomer;
    private final int concurrency;
    private final int maxErrors;
    private final String out;

    SeedScenario(Options o, Api api) {
        this.api = api;
        this.customers = o.integer("customers", 1000, 1, 100_000);
        this.ordersPerCustomer = o.integer("orders", 2, 0, 20);
        this.eventsPerCustomer = o.integer("events", 20, 0, 500);
        this.concurrency = o.integer("concurrency", 8, 1, 64);
        this.maxErrors = o.integer("max-errors", 10, 0, 1000);
        this.out = o.string("out", null);
    }

    int run() throws Exception {
        long begin = System.nanoTime();
        Instant now = Instant.now();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Map<String, LongAdder> counts = new LinkedHashMap<>();
        for (String k : List.of("profilesCreated", "profilesUpdated", "ordersCreated", "ordersExisting",
                "ordersConflicting", "payments", "eventsAccepted", "eventsDuplicate", "errors")) {
            counts.put(k, new LongAdder());
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean abort = new AtomicBoolean();
        System.out.printf("seed: %,d customers (bench-c0 ... bench-c%d), %d paid orders and %d events each, %d in "
                + "parallel, to %s%n", customers, customers - 1, ordersPerCustomer, eventsPerCustomer, concurrency,
                api.base());

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int lane = t;
            tasks.add(pool.submit(() -> {
                for (int i = lane; i < customers && !abort.get(); i += concurrency) {
                    try {
                        seedCustomer(i, today, counts);
                    } catch (SeedException e) {
                        counts.get("errors").increment();
                        failures.add(e.getMessage());
                        if (counts.get("errors").sum() > maxErrors) {
                            abort.set(true);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();
        double profilesSeconds = (System.nanoTime() - begin) / 1e9;

        // Events: batches of up to 500, eventIds derived from (customer, k) so that a second seed is all duplicates.
        long eventsBegin = System.nanoTime();
        List<int[]> pending = new ArrayList<>();
        for (int i = 0; i < customers && !abort.get(); i++) {
            for (int k = 0; k < eventsPerCustomer; k++) {
                pending.add(new int[] {i, k});
                if (pending.size() == 500) {
                    postEvents(pending, now, counts, failures, abort);
                    pending.clear();
                }
            }
        }
        if (!pending.isEmpty() && !abort.get()) {
            postEvents(pending, now, counts, failures, abort);
        }
        double eventsSeconds = (System.nanoTime() - eventsBegin) / 1e9;

        // One look at the result, so that a seed that left the 360 empty is noticed here.
        Map<String, Object> sample = new LinkedHashMap<>();
        HttpResponse<byte[]> view = api.send(api.get("/customers/" + EventFactory.customerId(0) + "/360"));
        sample.put("status", view.statusCode());
        if (view.statusCode() == 200) {
            JsonNode v = Api.JSON.readTree(view.body());
            sample.put("paidOrders", v.path("orders").path("paidOrders").asLong());
            sample.put("netSpend", v.path("orders").path("netSpend").asText());
            sample.put("behaviourEvents", v.path("behaviour").path("events").asLong());
            sample.put("bytes", view.body().length);
        } else {
            counts.get("errors").increment();
            failures.add("GET /customers/bench-c0/360: HTTP " + view.statusCode() + " " + Api.excerpt(view.body()));
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "seed");
        result.put("customers", customers);
        result.put("ordersPerCustomer", ordersPerCustomer);
        result.put("eventsPerCustomer", eventsPerCustomer);
        counts.forEach((k, v) -> result.put(k, v.sum()));
        result.put("profilesAndOrdersSeconds", Report.round(profilesSeconds, 2));
        result.put("eventsSeconds", Report.round(eventsSeconds, 2));
        result.put("sample360", sample);
        result.put("firstFailures", failures.stream().limit(3).toList());
        Map<String, Long> printable = new LinkedHashMap<>();
        counts.forEach((k, v) -> printable.put(k, v.sum()));
        System.out.printf("seed: %s in %.1f s (profiles and orders) + %.1f s (events)%n", printable, profilesSeconds,
                eventsSeconds);
        System.out.println("seed: GET /customers/bench-c0/360 -> " + sample);
        if (!failures.isEmpty()) {
            System.out.println("seed: FAILED: first failure: " + failures.peek());
        }
        Report.emit(result, out);
        return counts.get("errors").sum() > 0 ? 1 : 0;
    }

    private void seedCustomer(int i, Instant today, Map<String, LongAdder> counts)
            throws SeedException, InterruptedException {
        Random r = new Random(0xC0FFEEL * 31 + i);
        String id = EventFactory.customerId(i);
        String[] city = CITIES[r.nextInt(CITIES.length)];
        byte[] profile = json(g -> {
            g.writeStartObject();
            g.writeStringField("gender", GENDERS[r.nextInt(GENDERS.length)]);
            g.writeStringField("birthDate", LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28))
                    .toString());
            g.writeStringField("city", city[0]);
            g.writeStringField("province", city[1]);
            g.writeStringField("region", city[2]);
            g.writeStringField("cityTier", city[3]);
            g.writeStringField("occupation", "bench");
            g.writeStringField("incomeBand", "10k-20k");
            g.writeStringField("registrationChannel", CHANNELS[r.nextInt(CHANNELS.length)]);
            g.writeStringField("registeredAt", Instant.parse("2023-01-01T00:00:00Z")
                    .plus(r.nextInt(700), ChronoUnit.DAYS).toString());
            g.writeStringField("memberTier", TIERS[r.nextInt(TIERS.length)]);
            g.writeNumberField("points", r.nextInt(20_000));
            g.writeStringField("timeZone", "Asia/Shanghai");
            g.writeEndObject();
        });
        HttpResponse<byte[]> put = send(api.put("/customers/" + id, profile), "PUT /customers/" + id);
        switch (put.statusCode()) {
            case 201 -> counts.get("profilesCreated").increment();
            case 200 -> counts.get("profilesUpdated").increment();
            default -> throw new SeedException("PUT /customers/" + id + ": HTTP " + put.statusCode() + " "
                    + Api.excerpt(put.body()));
        }
        for (int k = 0; k < ordersPerCustomer; k++) {
            String orderId = "bench-o" + i + "-" + k;
            String channel = CHANNELS[(i + k) % CHANNELS.length];
            // Within the last year (so every window of the 360 has some), never in the future.
            Instant placedAt = today.minus(1 + Math.floorMod(i * 7 + k * 53, 360), ChronoUnit.DAYS)
                    .plusSeconds(Math.floorMod(i * 97 + k * 13, 80_000));
            int lines = 1 + r.nextInt(3);
            int[] items = new int[lines];
            for (int l = 0; l < lines; l++) {
                items[l] = r.nextInt(5000);
            }
            byte[] order = json(g -> {
                g.writeStartObject();
                g.writeStringField("orderId", orderId);
                g.writeStringField("customerId", id);
                g.writeArrayFieldStart("lines");
                for (int l = 0; l < lines; l++) {
                    g.writeStartObject();
                    g.writeStringField("itemId", "sku" + items[l]);
                    g.writeStringField("category", EventFactory.categoryOf(items[l]));
                    g.writeNumberField("quantity", 1 + (items[l] % 3));
                    g.writeNumberField("unitPrice", BigDecimal.valueOf(990 + (items[l] % 40) * 500L, 2));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("currency", "CNY");
                g.writeStringField("channel", channel);
                g.writeStringField("placedAt", placedAt.toString());
                g.writeEndObject();
            });
            HttpResponse<byte[]> placed = send(api.post("/orders", order), "POST /orders " + orderId);
            switch (placed.statusCode()) {
                case 201 -> counts.get("ordersCreated").increment();
                case 200 -> counts.get("ordersExisting").increment();
                // Seeded on another day (placedAt differs): the order is there, which is what matters.
                case 409 -> counts.get("ordersConflicting").increment();
                default -> throw new SeedException("POST /orders " + orderId + ": HTTP " + placed.statusCode() + " "
                        + Api.excerpt(placed.body()));
            }
            byte[] payment = json(g -> {
                g.writeStartObject();
                g.writeStringField("paidAt", placedAt.plusSeconds(600).toString());
                g.writeEndObject();
            });
            HttpResponse<byte[]> paid = send(api.post("/orders/" + orderId + "/payment", payment),
                    "POST /orders/" + orderId + "/payment");
            if (paid.statusCode() != 200) {
                throw new SeedException("POST /orders/" + orderId + "/payment: HTTP " + paid.statusCode() + " "
                        + Api.excerpt(paid.body()));
            }
            counts.get("payments").increment();
        }
    }

    private void postEvents(List<int[]> events, Instant now, Map<String, LongAdder> counts,
            ConcurrentLinkedQueue<String> failures, AtomicBoolean abort) throws InterruptedException {
        EventFactory factory = new EventFactory(customers, 5000);
        byte[] body = json(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (int[] e : events) {
                Random r = new Random(((long) e[0] << 20) ^ e[1] ^ 0x5EEDL);
                UUID eventId = UUID.nameUUIDFromBytes(("lodestar-bench-seed:" + e[0] + ":" + e[1])
                        .getBytes(StandardCharsets.UTF_8));
                // Spread over the last 30 days, so that the busiest hours and days of the 360 have something to show.
                Instant at = now.minus(r.nextInt(30 * 24 * 60), ChronoUnit.MINUTES);
                factory.write(g, eventId, EventFactory.customerId(e[0]), r, at.toString());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        HttpResponse<byte[]> response;
        try {
            response = send(api.post("/events", body), "POST /events");
            if (response.statusCode() != 202) {
                throw new SeedException("POST /events: HTTP " + response.statusCode() + " "
                        + Api.excerpt(response.body()));
            }
            JsonNode answer = Api.JSON.readTree(response.body());
            long rejected = answer.path("rejected").asLong();
            counts.get("eventsAccepted").add(answer.path("accepted").asLong());
            counts.get("eventsDuplicate").add(answer.path("duplicates").asLong());
            if (rejected > 0) {
                throw new SeedException("POST /events: " + rejected + " rejected: " + Api.excerpt(response.body()));
            }
        } catch (SeedException e) {
            counts.get("errors").increment();
            failures.add(e.getMessage());
            abort.set(true);
        } catch (IOException e) {
            counts.get("errors").increment();
            failures.add("POST /events: unreadable answer: " + e);
            abort.set(true);
        }
    }

    private HttpResponse<byte[]> send(java.net.http.HttpRequest request, String what)
            throws SeedException, InterruptedException {
        try {
            return api.send(request);
        } catch (IOException e) {
            throw new SeedException(what + ": " + e);
        }
    }

    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class SeedException extends Exception {
        SeedException(String message) {
            super(message);
        }
    }
}
