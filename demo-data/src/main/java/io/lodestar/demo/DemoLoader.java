package io.lodestar.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;

/**
 * Puts a data set into a running suite through its public APIs only, saying how far it got as it goes: the demo
 * shop (catalogue to recommendation-service, customers and order lines as bulk imports, behaviour events in batches of
 * 1,000, marketing consents), or the UCI Online Retail file (one import, then consents). Everything it sends carries
 * ids derived from the data, so loading again answers "unchanged" and "duplicate" instead of adding.
 */
final class DemoLoader {

    /** Where the services answer and the tokens to call them with. */
    record Suite(String profileUrl, String recommendationUrl, String appToken, String operatorToken,
                 String adminToken) {
    }

    private final Suite suite;
    private final SuiteClient client = new SuiteClient();
    private final Path workDirectory;
    private final int concurrency;
    private final Map<String, String> summary = new LinkedHashMap<>();

    DemoLoader(Suite suite, Path workDirectory, int concurrency) {
        this.suite = suite;
        this.workDirectory = workDirectory;
        this.concurrency = concurrency;
    }

    /** What the loader found worth showing, as {@code key=value} lines for the calling script. */
    Map<String, String> summary() {
        return summary;
    }

    // --- the demo shop -------------------------------------------------------------------------------------------

    void loadShop(DemoShop shop) throws Exception {
        Files.createDirectories(workDirectory);
        say("the demo shop: %,d customers, histories of %d days up to %s (seeded, the same on every run)",
                shop.customers(), DemoShop.HISTORY_DAYS, shop.anchor());
        loadCatalogue(shop.catalogue());

        Path customers = workDirectory.resolve("customers.csv.gz");
        DemoFiles.writeCustomers(shop, customers);
        runImport("customers", new MultipartForm().field("kind", "customers")
                .field("mapping", SuiteClient.JSON.writeValueAsString(DemoFiles.CUSTOMER_MAPPING))
                .file("file", customers));

        Path lines = workDirectory.resolve("order_lines.csv.gz");
        long written = DemoFiles.writeOrderLines(shop, lines);
        say("order lines: %,d (sales and returns) in %s", written, lines);
        runImport("order lines", new MultipartForm().field("kind", "order_lines")
                .field("mapping", SuiteClient.JSON.writeValueAsString(DemoFiles.ORDER_LINE_MAPPING))
                .file("file", lines));

        loadEvents(shop);
        grantConsents(shop);
        describe(shop);
    }

    private void loadCatalogue(DemoCatalogue catalogue) throws IOException, InterruptedException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DemoItem item : catalogue.items()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", item.title());
            fields.put("categoryPath", List.of(item.category().department, item.category().wireName));
            fields.put("brand", item.brand());
            fields.put("price", item.price());
            fields.put("cost", item.cost());
            fields.put("stockQuantity", item.stock());
            fields.put("currency", "CNY");
            fields.put("inStock", true);
            fields.put("durability", item.category().durable ? "durable" : "consumable");
            if (!item.category().durable) {
                fields.put("repurchaseDays", (item.category().cycleMinDays + item.category().cycleMaxDays) / 2);
            }
            entries.add(Map.of("itemId", item.itemId(), "item", fields));
        }
        client.post(suite.recommendationUrl() + "/items:batch", suite.operatorToken(), Map.of("items", entries), 200);
        say("catalogue: %,d items in %d categories (recommendation-service)", entries.size(),
                DemoCategory.values().length);
    }

    private void loadEvents(DemoShop shop) throws Exception {
        long total = 0;
        for (int i = 1; i <= shop.customers(); i++) {
            total += shop.history(i).events().size();
        }
        say("behaviour events: %,d over the last %d days, in batches of 1,000 ...", total, DemoShop.EVENT_DAYS);
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long reportEvery = Math.max(1, total / 10);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> pending = new ArrayList<>();
            List<Map<String, Object>> batch = new ArrayList<>(1000);
            for (int i = 1; i <= shop.customers(); i++) {
                for (DemoEvent event : shop.history(i).events()) {
                    batch.add(eventJson(event));
                    if (batch.size() == 1000) {
                        pending.add(pool.submit(postEvents(List.copyOf(batch), accepted, duplicates, sent, total,
                                reportEvery)));
                        batch.clear();
                    }
                }
                // Bounded memory: wait for the oldest batches once enough are in flight.
                while (pending.size() > concurrency * 4) {
                    pending.remove(0).get();
                }
            }
            if (!batch.isEmpty()) {
                pending.add(pool.submit(postEvents(List.copyOf(batch), accepted, duplicates, sent, total,
                        reportEvery)));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        say("behaviour events: %,d accepted, %,d already there", accepted.get(), duplicates.get());
        summary.put("events", Long.toString(total));
    }

    private java.util.concurrent.Callable<Void> postEvents(List<Map<String, Object>> events, AtomicLong accepted,
            AtomicLong duplicates, AtomicLong sent, long total, long reportEvery) {
        return () -> {
            JsonNode answer = client.post(suite.profileUrl() + "/events", suite.appToken(), Map.of("events", events),
                    202);
            if (answer.path("rejected").asLong() > 0) {
                throw new SuiteClient.CallFailed("POST /events rejected demo events: " + answer);
            }
            accepted.addAndGet(answer.path("accepted").asLong());
            duplicates.addAndGet(answer.path("duplicates").asLong());
            long before = sent.getAndAdd(events.size());
            if ((before + events.size()) / reportEvery > before / reportEvery) {
                say("  events: %3d%%  (%,d of %,d)", (before + events.size()) * 100 / total,
                        before + events.size(), total);
            }
            return null;
        };
    }

    private static Map<String, Object> eventJson(DemoEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", e.eventId().toString());
        json.put("customerId", e.customerId());
        json.put("type", WireNames.of(e.type()));
        json.put("channel", WireNames.of(e.channel()));
        if (e.itemId() != null) {
            json.put("itemId", e.itemId());
            json.put("category", e.category());
        }
        if (e.searchQuery() != null) {
            json.put("searchQuery", e.searchQuery());
        }
        json.put("sessionId", e.sessionId());
        json.put("occurredAt", e.occurredAt().toString());
        return json;
    }

    /**
     * Marketing consents, so the demo campaign has someone to reach: app push for most, SMS for every other
     * customer, mini-program messages for mini-program registrants, WeCom for community ones. Dated at registration,
     * so loading again changes nothing.
     */
    private void grantConsents(DemoShop shop) throws Exception {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        Map<String, Instant> at = new HashMap<>();
        for (int i = 1; i <= shop.customers(); i++) {
            DemoCustomer c = shop.history(i).customer();
            channels.put(c.customerId(), consentChannels(i, c.registrationChannel()));
            at.put(c.customerId(), c.registeredAt());
        }
        grant(channels, at);
    }

    static List<String> consentChannels(int index, Channel registration) {
        List<String> granted = new ArrayList<>();
        if (registration == Channel.APP || Math.floorMod(index * 7, 10) < 6) {
            granted.add("app_push");
        }
        if (index % 2 == 0) {
            granted.add("sms");
        }
        if (registration == Channel.MINI_PROGRAM) {
            granted.add("mini_program");
        }
        if (registration == Channel.COMMUNITY) {
            granted.add("wecom");
        }
        return granted;
    }

    private void grant(Map<String, List<String>> channels, Map<String, Instant> at) throws Exception {
        long total = channels.values().stream().mapToLong(List::size).sum();
        say("consents: %,d (app push, SMS, mini-program, WeCom) ...", total);
        AtomicLong done = new AtomicLong();
        long reportEvery = Math.max(1, total / 5);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Map.Entry<String, List<String>> customer : channels.entrySet()) {
                for (String channel : customer.getValue()) {
                    Instant when = at.get(customer.getKey());
                    pending.add(pool.submit(() -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("granted", true);
                        body.put("purpose", "marketing");
                        body.put("source", "demo");
                        if (when != null) {
                            body.put("at", when.toString());
                        }
                        client.put(suite.profileUrl() + "/customers/" + customer.getKey() + "/consents/" + channel,
                                suite.appToken(), body, 200, 201);
                        long n = done.incrementAndGet();
                        if (n % reportEvery == 0) {
                            say("  consents: %3d%%", n * 100 / total);
                        }
                        return null;
                    }));
                }
                while (pending.size() > concurrency * 64) {
                    pending.remove(0).get();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        summary.put("consents", Long.toString(total));
    }

    /** Picks the customers worth looking at and counts what was generated. */
    private void describe(DemoShop shop) {
        Map<Persona, Integer> personas = new EnumMap<>(Persona.class);
        long orders = 0;
        String showcase = null;
        double best = -1;
        String churning = null;
        String oneTime = null;
        String sentinel = null;
        int sentinelOrders = 0;
        for (int i = 1; i <= shop.customers(); i++) {
            CustomerHistory h = shop.history(i);
            DemoCustomer c = h.customer();
            personas.merge(c.persona(), 1, Integer::sum);
            orders += h.orders().size();
            if (c.persona() == Persona.LOYAL && c.value() > best && c.value() < 10) {
                best = c.value();
                showcase = c.customerId();
            }
            if (churning == null && c.persona() == Persona.CHURNING && h.orders().size() >= 3) {
                churning = c.customerId();
            }
            if (oneTime == null && c.persona() == Persona.ONE_TIME) {
                oneTime = c.customerId();
            }
            if (!h.orders().isEmpty()) {
                sentinel = c.customerId();
                sentinelOrders = h.orders().size();
            }
        }
        say("customers by persona: %s; paid orders: %,d", personas, orders);
        summary.put("customers", Integer.toString(shop.customers()));
        summary.put("orders", Long.toString(orders));
        summary.put("showcase", showcase == null ? DemoShop.customerId(1) : showcase);
        summary.put("churning", churning == null ? "" : churning);
        summary.put("oneTime", oneTime == null ? "" : oneTime);
        summary.put("sentinel", sentinel == null ? "" : sentinel);
        summary.put("sentinelOrders", Integer.toString(sentinelOrders));
        summary.put("item", shop.catalogue().of(DemoCategory.SUNSCREEN).get(0).itemId());
    }

    // --- UCI Online Retail ---------------------------------------------------------------------------------------

    /** Imports the file with the built-in layout, then grants consents to its customers. */
    void loadOnlineRetail(Path file) throws Exception {
        say("UCI Online Retail: %s (Chen, Sain and Guo 2012, CC BY 4.0)", file);
        runImport("online retail", new MultipartForm().field("layout", "online-retail").file("file", file));
        Map<String, Integer> invoices = new HashMap<>();
        Set<String> customers = new LinkedHashSet<>();
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            in.readLine();
            Set<String> seen = new java.util.HashSet<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                // Descriptions may hold quoted commas: the customer id is the second cell from the end.
                String customer = cells.length >= 2 ? cells[cells.length - 2] : "";
                if (customer.isBlank() || cells[0].startsWith("C")) {
                    continue;
                }
                customers.add(customer);
                if (seen.add(cells[0])) {
                    invoices.merge(customer, 1, Integer::sum);
                }
                last = customer;
            }
        }
        Map<String, List<String>> channels = new LinkedHashMap<>();
        int index = 0;
        for (String customer : customers) {
            channels.put(customer, index++ % 2 == 0 ? List.of("app_push", "sms") : List.of("app_push"));
        }
        grant(channels, Map.of());
        String showcase = invoices.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("");
        summary.put("customers", Integer.toString(customers.size()));
        summary.put("showcase", showcase);
        summary.put("sentinel", last == null ? "" : last);
        summary.put("sentinelOrders", "1");
        summary.put("item", "85123A");
    }

    // --- shared --------------------------------------------------------------------------------------------------

    /** Submits an import and follows its job until it ends, printing progress; fails unless every row was taken. */
    private void runImport(String what, MultipartForm form) throws IOException, InterruptedException {
        JsonNode job = client.postForm(suite.profileUrl() + "/imports", suite.adminToken(), form, 202);
        String id = job.path("importId").asText();
        say("%s: import %s started", what, id);
        String lastProgress = "";
        long lastPrint = 0;
        while (true) {
            job = client.get(suite.profileUrl() + "/imports/" + id, suite.adminToken());
            String status = job.path("status").asText().toLowerCase();
            if (status.equals("succeeded") || status.equals("failed")) {
                break;
            }
            String progress = job.path("progressPercent").asText("0");
            if (!progress.equals(lastProgress) && System.currentTimeMillis() - lastPrint > 3000) {
                say("  %s: %s%%, %,d rows read, %,d rows/s", what, progress, job.path("rows").path("read").asLong(),
                        job.path("rowsPerSecond").asLong());
                lastProgress = progress;
                lastPrint = System.currentTimeMillis();
            }
            Thread.sleep(1000); // a command-line poll of the job resource, on the loader's own thread
        }
        JsonNode rows = job.path("rows");
        if (!"succeeded".equalsIgnoreCase(job.path("status").asText())) {
            throw new SuiteClient.CallFailed(what + " import " + id + " failed: " + job.path("error").asText());
        }
        say("%s: %,d rows read, %,d accepted, %,d rejected, %,d duplicates dropped; results %s", what,
                rows.path("read").asLong(), rows.path("accepted").asLong(), rows.path("rejected").asLong(),
                rows.path("droppedDuplicates").asLong(), job.path("results"));
    }

    static void say(String format, Object... args) {
        System.out.printf("demo: " + format + "%n", args);
    }
}
