package io.lodestar.e2e;

import static io.lodestar.e2e.LodestarSuite.CAMPAIGN;
import static io.lodestar.e2e.LodestarSuite.PROFILE;
import static io.lodestar.e2e.LodestarSuite.RECOMMENDATION;
import static io.lodestar.e2e.LodestarSuite.SEGMENTATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.restassured.path.json.JsonPath;

/**
 * Lodestar end to end: the four packaged services, the channel-gateway simulator and the demo-data loader as real
 * processes ({@link LodestarSuite}), driven through their public APIs only. The first test walks the whole loop of a
 * campaign operator's day; the drills after it break one part of the infrastructure each and check that nothing was
 * lost, nothing was sent twice and reads kept answering. They run in order on one suite (starting it takes a minute
 * or two), each on data of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LodestarSuiteIT {

    /** Small enough for two cores, large enough for k-means (5–8 clusters), a churn model and association rules. */
    static final int CUSTOMERS = 400;
    static final String MODEL = "e2e-value-tiers";
    static final EventCodec CODEC = new EventCodec();

    LodestarSuite suite;
    Properties demo;
    String buyersSegment;
    String journeyCampaign;

    @BeforeAll
    void startTheSuite() {
        suite = LodestarSuite.start();
    }

    @AfterAll
    void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * import customers and orders → features and RFM → K-means clusters and tags in Redis → churn-risk customers
     * enter a segment → a win-back journey triggers → recommendations fill the message → gateway feedback → an order
     * is attributed → the campaign report shows funnel and ROI.
     */
    @Test
    @Order(1)
    void theWholeLoopFromImportToAnAttributedOrder() throws Exception {
        // 1. The demo shop's customers, catalogue, order lines (bulk CSV imports), events and consents.
        demo = loadDemoShop();
        String sentinel = demo.getProperty("sentinel");
        String showcase = demo.getProperty("showcase");

        // 2. The operator's set-up before the run: an RFM model, a rule segment (the drills' broadcast audience) and
        //    the churn-risk journey from its template, running and waiting for customers to enter churn=high.
        Api.post(url(SEGMENTATION, "/rfm-models"), Map.of("name", MODEL, "scheme", "threshold"), 201);
        buyersSegment = Api.post(url(SEGMENTATION, "/segments"), Map.of("name", "E2E buyers",
                "condition", Map.of("type", "feature", "field", "paid_orders", "operator", "gte", "value", 1)), 201)
                .getString("id");
        Map<String, Object> template = Api.get(url(CAMPAIGN, "/journey-templates"))
                .<Map<String, Object>>getList("findAll { it.key == 'churn_risk_coupon' }").get(0);
        journeyCampaign = createAndSchedule(Map.of(
                "name", "E2E churn-risk win-back", "owner", "e2e",
                "goal", Map.of("metric", "repurchase_rate", "description", "Win back churn-risk customers",
                        "targetChangePercent", 5, "days", 30),
                "audience", Map.of(),
                "channels", List.of(Map.of("channel", "app_push", "costPerMessage", 0.02),
                        Map.of("channel", "sms", "costPerMessage", 0.05)),
                "template", "Hi {{name}}",
                "offer", Map.of("type", "no_threshold_voucher", "amount", 20, "currency", "CNY", "budget", 10000,
                        "perCustomerLimit", 1, "validFor", "P7D"),
                "sendWindow", Map.of("start", "00:00", "end", "23:59:59"),
                "journey", template.get("definition")));
        awaitStatus(journeyCampaign, "running");

        // 3. segmentation-service and recommendation-service learn from Kafka: the last customer's orders arrive.
        int sentinelOrders = Integer.parseInt(demo.getProperty("sentinelOrders"));
        await("segmentation has consumed the orders").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(3))
                .until(() -> paidOrdersInSegmentation(sentinel) == sentinelOrders);
        await("recommendation has consumed the orders").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> Api.getAnyStatus(url(RECOMMENDATION, "/customers/" + sentinel + "/interactions"))
                        .asString().contains("\"kind\":\"order\""));

        // 4. The models first, so that the journey's messages carry real recommendations.
        JsonPath training = runJob(RECOMMENDATION, "/models/runs", Map.of());
        assertThat(training.getLong("version")).isPositive();

        // 5. A segmentation run: RFM, K-means, lifecycle, churn, tags in Redis, membership events.
        JsonPath run = runJob(SEGMENTATION, "/segmentation/runs", Map.of());
        assertThat(run.getInt("customers")).isGreaterThanOrEqualTo(CUSTOMERS * 3 / 4);
        assertThat(run.getInt("clustering.chosenK")).isBetween(5, 8);
        Map<String, Integer> clusters = run.getMap("distribution.cluster");
        assertThat(clusters).hasSizeBetween(2, 8);
        assertThat(run.<String, Integer>getMap("distribution.'rfm:" + MODEL + "'")).isNotEmpty();
        Map<String, Integer> churn = run.getMap("distribution.churn");
        assertThat(churn.getOrDefault("high", 0)).as("customers at high churn risk: %s", churn).isPositive();

        // From Redis; a read slower than the 100 ms Redis timeout falls back to PostgreSQL (two cores run it all).
        JsonPath tags = await("the tags from Redis").atMost(Duration.ofSeconds(30))
                .until(() -> tagsOf(showcase), view -> "redis".equals(view.getString("source")));
        assertThat(tags.<String, String>getMap("tags")).containsKeys("rfm:" + MODEL, "cluster", "lifecycle", "churn");

        // 6. The churn-risk customers entered churn=high: the journey sends them a coupon with recommendations.
        List<MessageDispatched> sent = await("the journey's first messages").atMost(Duration.ofMinutes(3))
                .until(() -> dispatched(journeyCampaign, Duration.ofSeconds(5)), messages -> !messages.isEmpty());
        MessageDispatched message = sent.get(0);
        assertThat(message.journeyId()).isNotNull();
        assertThat(message.couponCode()).isNotBlank();
        assertThat(message.content()).doesNotContain("{{").contains(message.couponCode());
        assertThat(message.recommendedItemIds()).isNotEmpty();
        for (String item : message.recommendedItemIds()) {
            Api.as("app").get(url(RECOMMENDATION, "/items/" + item)).then().statusCode(200);
        }

        // 7. The gateway simulator's feedback reaches the report.
        await("gateway feedback").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> report(journeyCampaign).getLong("funnel.delivered") > 0);

        // 8. The customer orders with the coupon: the order is attributed and the coupon redeemed.
        String orderId = "e2e-order-" + UUID.randomUUID();
        placeAndPay(orderId, message.customerId(), message.couponCode(), new BigDecimal("199.00"));
        JsonPath report = await("the attributed order").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2)).until(() -> report(journeyCampaign),
                        r -> r.getLong("funnel.paid") >= 1);
        assertThat(report.getLong("funnel.targeted")).isGreaterThanOrEqualTo(report.getLong("funnel.sent"));
        assertThat(report.getLong("funnel.sent")).isGreaterThanOrEqualTo(sent.size());
        assertThat(report.getLong("funnel.delivered")).isPositive();
        assertThat(new BigDecimal(report.getString("roi.revenue"))).isGreaterThanOrEqualTo(new BigDecimal("199.00"));
        assertThat(new BigDecimal(report.getString("roi.cost"))).isPositive();
        assertThat(report.getString("roi.asText")).matches("1:[0-9.]+");
        assertThat(report.getLong("coupons.redeemed")).isGreaterThanOrEqualTo(1);
        assertThat(report.getList("byChannel")).isNotEmpty();
        System.out.printf("e2e loop: %s customers, %s paid orders, %s events; run: k=%d, churn %s; journey report"
                        + " funnel %s, ROI %s%n", demo.getProperty("customers"), demo.getProperty("orders"),
                demo.getProperty("events"), run.getInt("clustering.chosenK"), churn, report.getMap("funnel"),
                report.getString("roi.asText"));
    }

    /**
     * Kafka is away for 20 seconds while an app backend keeps sending events and orders, retrying what was refused:
     * afterwards every accepted event and order is in every service exactly once.
     */
    @Test
    @Order(2)
    void kafkaAwayDuringIngestionLosesAndDuplicatesNothing() throws Exception {
        IngestionDrill drill = new IngestionDrill(suite, "drill-kafka-" + UUID.randomUUID().toString().substring(0, 8),
                12);
        drill.createCustomers();
        drill.start();
        ServiceProcess.pause(Duration.ofSeconds(8));
        suite.kafka.stop();
        ServiceProcess.pause(Duration.ofSeconds(20));
        suite.kafka.restart();
        ServiceProcess.pause(Duration.ofSeconds(10));
        IngestionDrill.Sent sent = drill.stop();

        assertThat(sent.refusedWhileAway()).as("the outage was noticed by the writers").isPositive();
        assertThat(sent.eventsPerCustomer().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(sent.ordersPerCustomer().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        try {
            await("every accepted event and order arrived once everywhere").atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> drill.assertEverythingPresentOnce(sent));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Which side lost them: the broker (accepted but not on the topic) or a consumer (on the topic, lagging)?
            Map<String, Set<String>> onTopic = KafkaTestClient.read(suite.kafka.bootstrapServers(),
                    Topics.CUSTOMER_EVENTS, record -> record.key() != null && record.key().startsWith(drill.prefix()),
                    records -> false, Duration.ofSeconds(20)).stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(record -> CODEC.decode(record.value()).eventId().toString(),
                            Collectors.toSet())));
            throw new AssertionError("accepted events per customer " + sent.eventsPerCustomer()
                    + "; distinct event ids on the topic " + onTopic.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, entry -> entry.getValue().size())) + "; consumer lag at the timeout: "
                    + ConsumerLag.describe(suite.kafka.bootstrapServers()), e);
        }
        System.out.printf("e2e Kafka drill: %d events and %d orders accepted, %d calls refused and retried%n",
                sent.eventsPerCustomer().values().stream().mapToInt(Integer::intValue).sum(),
                sent.ordersPerCustomer().values().stream().mapToInt(Integer::intValue).sum(), sent.refusedWhileAway());
    }

    /**
     * campaign-service is killed (SIGKILL) in the middle of a broadcast and started again: the campaign completes and
     * no customer got the message twice.
     */
    @Test
    @Order(3)
    void aServiceKilledDuringDispatchSendsNothingTwice() {
        String campaign = createAndSchedule(Map.of(
                "name", "E2E broadcast under a crash", "owner", "e2e",
                "goal", Map.of("metric", "repurchase_rate", "description", "Drill", "targetChangePercent", 1,
                        "days", 7),
                "audience", Map.of("segments", List.of(buyersSegment)),
                "channels", List.of(Map.of("channel", "app_push", "costPerMessage", 0.01),
                        Map.of("channel", "sms", "costPerMessage", 0.05),
                        Map.of("channel", "mini_program", "costPerMessage", 0.01),
                        Map.of("channel", "wecom", "costPerMessage", 0.02)),
                "template", "Hi {{name}}, new for you: {{recommendations}}",
                "sendWindow", Map.of("start", "00:00", "end", "23:59:59"),
                "schedule", Map.of("type", "now")));
        await("the first page is dispatched").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> report(campaign).getLong("funnel.sent") > 0);
        ServiceProcess campaignService = suite.service(CAMPAIGN);
        campaignService.kill();
        campaignService.start();
        campaignService.awaitReady(Duration.ofMinutes(3));
        awaitStatus(campaign, "completed");

        JsonPath report = report(campaign);
        List<MessageDispatched> messages = dispatched(campaign, Duration.ofSeconds(10));
        Map<String, Set<String>> messageIdsPerCustomer = messages.stream().collect(Collectors.groupingBy(
                MessageDispatched::customerId, Collectors.mapping(MessageDispatched::messageId, Collectors.toSet())));
        assertThat(messageIdsPerCustomer.values()).as("one message per customer").allMatch(ids -> ids.size() == 1);
        Map<String, Set<String>> contentPerMessage = messages.stream().collect(Collectors.groupingBy(
                MessageDispatched::messageId, Collectors.mapping(MessageDispatched::content, Collectors.toSet())));
        assertThat(contentPerMessage.values()).as("a redelivered message is the same message")
                .allMatch(contents -> contents.size() == 1);
        assertThat(report.getLong("funnel.sent")).isEqualTo(messageIdsPerCustomer.size());
        assertThat(report.getLong("funnel.targeted")).isGreaterThan(25);
        System.out.printf("e2e kill drill: %d targeted, %d sent, %d dispatch records for %d customers%n",
                report.getLong("funnel.targeted"), report.getLong("funnel.sent"), messages.size(),
                messageIdsPerCustomer.size());
    }

    /**
     * Redis is stopped while app backends read segment tags, the 360 view and recommendations, and comes back empty
     * (it is a cache without persistence): every read keeps answering, and the tags stay right.
     */
    @Test
    @Order(4)
    void redisAwayWhileTagsAreReadKeepsReadsAnswering() throws Exception {
        String customer = demo.getProperty("showcase");
        Map<String, String> before = tagsOf(customer).getMap("tags");
        assertThat(before).containsKey("cluster");
        List<String> failures = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                JsonPath tags = tagsOf(customer);
                reads.incrementAndGet();
                synchronized (failures) {
                    sources.add(tags.getString("source"));
                    if (!before.equals(tags.getMap("tags"))) {
                        failures.add("tags " + tags.getMap("tags"));
                    }
                }
                for (String path : List.of(url(PROFILE, "/customers/" + customer + "/360"),
                        url(RECOMMENDATION, "/recommendations/" + customer + "?scene=home"))) {
                    int status = Api.as("app").get(path).statusCode();
                    if (status != 200) {
                        synchronized (failures) {
                            failures.add(path + " " + status);
                        }
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "e2e-tag-reader");
        reader.start();
        ServiceProcess.pause(Duration.ofSeconds(3));
        suite.redis.stop();
        ServiceProcess.pause(Duration.ofSeconds(15));
        suite.redis.start();
        ServiceProcess.pause(Duration.ofSeconds(10));
        reader.interrupt();
        reader.join(30_000);

        synchronized (failures) {
            assertThat(failures).as("reads that failed or answered other tags").isEmpty();
            assertThat(sources).contains("database");
            System.out.printf("e2e Redis drill: %d reads of each kind, tags answered from %s%n", reads.get(), sources);
        }
        assertThat(tagsOf(customer).<String, String>getMap("tags")).isEqualTo(before);
    }

    private JsonPath tagsOf(String customer) {
        return Api.as("app").get(url(SEGMENTATION, "/customers/" + customer + "/segments")).then().statusCode(200)
                .extract().jsonPath();
    }

    private Properties loadDemoShop() throws IOException, InterruptedException {
        Path work = suite.work.resolve("demo");
        Files.createDirectories(work);
        Path summary = work.resolve("summary.properties");
        List<String> command = new ArrayList<>(ServiceProcess.javaJar(suite.demoDataJar(), "512m"));
        command.addAll(List.of("shop", "--customers", Integer.toString(CUSTOMERS),
                "--day", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "--work", work.toString(),
                "--summary", summary.toString(), "--concurrency", "2",
                "--profile-url", url(PROFILE, ""), "--recommendation-url", url(RECOMMENDATION, "")));
        ServiceProcess loader = new ServiceProcess("demo-data", command, Map.of(
                "LODESTAR_DEMO_APP_TOKEN", TestTokens.forRole("app"),
                "LODESTAR_DEMO_OPERATOR_TOKEN", TestTokens.forRole("operator"),
                "LODESTAR_DEMO_ADMIN_TOKEN", TestTokens.forRole("admin")), suite.work.resolve("logs/demo-data.log"), 0);
        loader.start();
        int exit = loader.awaitExit(Duration.ofMinutes(20));
        assertThat(exit).as("the demo-data loader's exit code; its output ends:\n%s", loader.logTail()).isZero();
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(summary)) {
            properties.load(reader);
        }
        assertThat(Integer.parseInt(properties.getProperty("customers"))).isEqualTo(CUSTOMERS);
        return properties;
    }

    private String url(String service, String path) {
        return suite.url(service, path);
    }

    private int paidOrdersInSegmentation(String customer) {
        var response = Api.getAnyStatus(url(SEGMENTATION, "/customers/" + customer + "/features"));
        return response.statusCode() == 200 ? response.jsonPath().getInt("paidOrders") : -1;
    }

    /** Starts a job resource's run (retrying while another runs: 409) and waits until it succeeded. */
    private JsonPath runJob(String service, String path, Map<String, Object> body) {
        String id = await(path + " accepted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    var response = Api.as("operator").body(body).post(url(service, path));
                    return response.statusCode() == 202 ? response.jsonPath().getString("id") : null;
                }, id2 -> id2 != null);
        JsonPath done = await(path + " finished").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Api.get(url(service, path + "/" + id)),
                        view -> !List.of("queued", "running").contains(view.getString("status")));
        assertThat(done.getString("status")).as("%s %s: %s", path, id, done.prettify()).isEqualTo("succeeded");
        return done;
    }

    private String createAndSchedule(Map<String, Object> definition) {
        String id = Api.post(url(CAMPAIGN, "/campaigns"), definition, 201).getString("id");
        Api.as("operator").post(url(CAMPAIGN, "/campaigns/" + id + "/schedule")).then().statusCode(200);
        return id;
    }

    private void awaitStatus(String campaign, String status) {
        await("campaign " + campaign + " " + status).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Api.get(url(CAMPAIGN, "/campaigns/" + campaign)).getString("status"), status::equals);
    }

    private JsonPath report(String campaign) {
        return Api.get(url(CAMPAIGN, "/campaigns/" + campaign + "/report"));
    }

    private List<MessageDispatched> dispatched(String campaign, Duration window) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(suite.kafka.bootstrapServers(),
                Topics.CAMPAIGN_DISPATCH, record -> record.value().contains(campaign), r -> false, window);
        return records.stream().map(record -> CODEC.decode(record.value()).payload())
                .filter(MessageDispatched.class::isInstance).map(MessageDispatched.class::cast)
                .filter(m -> m.campaignId().equals(campaign)).toList();
    }

    private void placeAndPay(String orderId, String customer, String coupon, BigDecimal amount) {
        Instant now = Instant.now();
        Map<String, Object> order = new HashMap<>();
        order.put("orderId", orderId);
        order.put("customerId", customer);
        order.put("currency", "CNY");
        order.put("channel", "app");
        order.put("couponCode", coupon);
        order.put("placedAt", now.toString());
        order.put("lines", List.of(Map.of("itemId", demo.getProperty("item"), "category", "e2e", "quantity", 1,
                "unitPrice", amount)));
        Api.as("app").body(order).post(url(PROFILE, "/orders")).then().statusCode(201);
        Api.as("app").body(Map.of("paidAt", now.toString())).post(url(PROFILE, "/orders/" + orderId + "/payment"))
                .then().statusCode(200);
    }

}
