package io.lodestar.segmentation.analytics;

import static io.lodestar.segmentation.feature.SegmentationEvents.encode;
import static io.lodestar.segmentation.feature.SegmentationEvents.erased;
import static io.lodestar.segmentation.feature.SegmentationEvents.merged;
import static io.lodestar.segmentation.feature.SegmentationEvents.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.platform.security.Roles;
import io.lodestar.segmentation.feature.SegmentationEvents;
import io.lodestar.segmentation.messaging.TrafficConsumer;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Behaviour and orders through the real broker into the traffic aggregates (PostgreSQL, Redis) and out of the
 * analytics endpoints. Every test works on its own random day within the retention and its own category and segment,
 * and reads traffic and paths as differences, because the other tests' events land in the same aggregates.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class TrafficConsumersTest {

    static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    TrafficAggregationService aggregation;

    @Inject
    Pool pool;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void eventsGiveTrafficFunnelPathsAndHeatmapAndARedeliveryChangesNothing() {
        LocalDate day = randomDay();
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        String category = "cat-" + UUID.randomUUID();
        String visitor = "anon-" + UUID.randomUUID();
        String c1 = "c-" + UUID.randomUUID();
        String c2 = "c-" + UUID.randomUUID();
        String c3 = "c-" + UUID.randomUUID();
        JsonPath webBefore = traffic(day, "web");
        JsonPath appBefore = traffic(day, "app");
        Map<String, Integer> pathsBefore = pathCustomers(day);

        publish(Topics.CUSTOMER_EVENTS, visitor,
                behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.WEB, null, nine.plusSeconds(3600)),
                behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.WEB, null, nine.plusSeconds(5400)));
        publish(Topics.CUSTOMER_EVENTS, c1,
                behaviour(c1, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category, nine),
                behaviour(c1, false, BehaviourType.CLICK, Channel.APP, category, nine.plusSeconds(300)),
                behaviour(c1, false, BehaviourType.ADD_TO_CART, Channel.APP, category, nine.plusSeconds(600)),
                behaviour(c1, false, BehaviourType.CHECKOUT, Channel.APP, category, nine.plusSeconds(1200)));
        publish(Topics.CUSTOMER_EVENTS, c3,
                behaviour(c3, false, BehaviourType.PRODUCT_VIEW, Channel.LIVE_STREAM, category, nine.minusSeconds(3600)));
        String c1Order = paid(c1, Channel.APP, category, nine.plusSeconds(1800));
        publish(Topics.ORDERS, c1, c1Order);
        publish(Topics.ORDERS, c2, paid(c2, Channel.APP, category, nine.plusSeconds(7200))); // paid, never seen
        publish(Topics.ORDERS, c3, paid(c3, Channel.MINI_PROGRAM, category, nine.plusSeconds(10_800)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(funnel(day, category).getInt("total[4].customers"))
                .isEqualTo(3));
        JsonPath funnel = funnel(day, category);
        assertThat(funnel.getList("total.customers", Integer.class)).containsExactly(2, 1, 1, 1, 3);
        assertThat(funnel.getInt("total[4].unobservedEntries")).isEqualTo(2); // c2 and c3 (no step on mini_program)
        assertThat(funnel.getString("total[1].conversionPercent")).isEqualTo("50.0");
        assertThat(funnel.getList("groups.channel", String.class)).containsExactly("app", "live_stream", "mini_program");
        assertThat(funnel.getList("groups[0].steps.customers", Integer.class)).containsExactly(1, 1, 1, 1, 2);
        assertThat(funnel.getInt("groups[0].steps[4].unobservedEntries")).isEqualTo(1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(delta(traffic(day, "web"), webBefore, "pageViews"))
                .isEqualTo(2));
        JsonPath web = traffic(day, "web");
        assertThat(delta(web, webBefore, "uniqueVisitors")).isEqualTo(1);
        assertThat(delta(web, webBefore, "newVisitors")).isEqualTo(1);
        JsonPath app = traffic(day, "app");
        assertThat(delta(app, appBefore, "pageViews")).isEqualTo(1);
        assertThat(delta(app, appBefore, "interactions")).isEqualTo(4);
        assertThat(delta(app, appBefore, "uniqueVisitors")).isEqualTo(1);
        assertThat(web.getList("buckets")).hasSize(1);

        Map<String, Integer> paths = pathCustomers(day);
        assertThat(paths.getOrDefault("live_stream>mini_program", 0) - pathsBefore.getOrDefault(
                "live_stream>mini_program", 0)).isEqualTo(1);
        assertThat(paths.getOrDefault("app>app", 0) - pathsBefore.getOrDefault("app>app", 0)).isEqualTo(1);

        String value = "seg-" + UUID.randomUUID();
        for (String customer : List.of(c1, c3)) {
            pool.preparedQuery("INSERT INTO customer_tag (customer_id, tag, value, since) VALUES ($1, 'test', $2, now())")
                    .execute(Tuple.of(customer, value)).await().atMost(WAIT);
        }
        int slot = TrafficBatch.hourOfWeek(nine, ZoneId.of("Asia/Shanghai"));
        JsonPath heatmap = heatmap(day, "test=" + value);
        assertThat(heatmap.getInt("segmentCustomers")).isEqualTo(2);
        assertThat(heatmap.getInt("bestSlots[0].hourOfWeek")).isEqualTo(slot);
        assertThat(heatmap.getInt("bestSlots[0].interactions")).isEqualTo(4);
        assertThat(heatmap.getInt("bestSlots[0].orders")).isEqualTo(1);
        assertThat(heatmap.getString("bestSlots[0].conversionPercent")).isEqualTo("25.0");
        assertThat(heatmap.getList("bestSlots")).hasSize(1); // c3's slots have fewer than 2 interactions
        assertThat(heatmap.getList("cells.findAll { it.channel == 'app' && it.hour == " + slot % 24 + " }.orders",
                Integer.class)).isNotEmpty().allSatisfy(orders -> assertThat(orders).isPositive());

        // A redelivery: the very records (same topic, partition and offset) once more, and the order once more.
        Set<String> keys = Set.of(visitor, c1, c2, c3);
        List<ConsumerRecord<String, String>> events = KafkaTestClient.read(Topics.CUSTOMER_EVENTS,
                r -> keys.contains(r.key()), r -> r.size() == 7, WAIT);
        List<ConsumerRecord<String, String>> orders = KafkaTestClient.read(Topics.ORDERS,
                r -> keys.contains(r.key()), r -> r.size() == 3, WAIT);
        assertThat(events).hasSize(7);
        aggregation.apply(TrafficConsumer.BEHAVIOUR_CHANNEL, events, rejected -> Uni.createFrom().voidItem())
                .await().atMost(WAIT);
        aggregation.apply(TrafficConsumer.ORDERS_CHANNEL, orders, rejected -> Uni.createFrom().voidItem())
                .await().atMost(WAIT);
        String marker = "cat-" + UUID.randomUUID();
        String c4 = "c-" + UUID.randomUUID();
        publish(Topics.ORDERS, c1, c1Order); // a producer's resend of the same order
        publish(Topics.ORDERS, c1, paid(c4, Channel.APP, marker, nine)); // on c1's partition, after the resend
        await().atMost(WAIT).untilAsserted(() -> assertThat(funnel(day, marker).getInt("total[4].customers"))
                .isEqualTo(1));
        assertThat(funnel(day, category).getMap("$")).isEqualTo(funnel.getMap("$"));
        assertThat(traffic(day, "web").getMap("total")).isEqualTo(web.getMap("total"));
        assertThat(traffic(day, "app").getMap("total")).isEqualTo(app.getMap("total"));
        assertThat(heatmap(day, "test=" + value).getMap("bestSlots[0]")).isEqualTo(heatmap.getMap("bestSlots[0]"));
    }

    @Test
    void aCustomerCountsOncePerStepInEachSessionWindowAndADaySumsItsWindows() {
        // The tests' window is PT6H (%test in application.properties): 00-06, 06-12, 12-18, 18-24 UTC.
        LocalDate day = randomDay();
        Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        String category = "cat-" + UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, customer,
                behaviour(customer, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category, midnight.plusSeconds(3600)),
                behaviour(customer, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category,
                        midnight.plusSeconds(5 * 3600 + 3599)), // the same window: once
                behaviour(customer, false, BehaviourType.CLICK, Channel.APP, category, midnight.plusSeconds(6 * 3600)),
                behaviour(customer, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category,
                        midnight.plusSeconds(23 * 3600)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(funnel(day, category).getList("total.customers",
                Integer.class)).containsExactly(2, 1, 0, 0, 0));
        JsonPath funnel = funnel(day, category);
        assertThat(funnel.getList("groups")).hasSize(1); // still one row per day x channel x category
        assertThat(funnel.getString("groups[0].day")).isEqualTo(day.toString());
        // The click's window (06-12) has no exposure: it is an unobserved entry, not a continuation.
        assertThat(funnel.getInt("total[1].continued")).isZero();
        assertThat(funnel.getInt("total[1].unobservedEntries")).isEqualTo(1);
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM funnel_reach WHERE customer_id = $1")
                .execute(Tuple.of(customer)).await().atMost(WAIT).iterator().next().getLong("n")).isEqualTo(3);
    }

    @Test
    void anErasedCustomerLeavesTheFiguresButNoRowNamesThem() {
        LocalDate day = randomDay();
        Instant ten = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String category = "cat-" + UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, customer,
                behaviour(customer, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category, ten),
                behaviour(customer, false, BehaviourType.ADD_TO_CART, Channel.APP, category, ten.plusSeconds(60)));
        publish(Topics.ORDERS, customer, paid(customer, Channel.APP, category, ten.plusSeconds(600)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(funnel(day, category).getInt("total[4].customers"))
                .isEqualTo(1));
        JsonPath before = funnel(day, category);
        assertThat(rowsNaming(customer)).isPositive();

        publish(Topics.IDENTITY, customer, erased(customer));
        await().atMost(WAIT).untilAsserted(() -> assertThat(rowsNaming(customer)).isZero());
        assertThat(funnel(day, category).getMap("$")).isEqualTo(before.getMap("$"));

        // A late event of the erased customer is dropped (as the feature consumer drops late facts): no row names them.
        String marker = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, customer,
                behaviour(customer, false, BehaviourType.CLICK, Channel.APP, category, ten.plusSeconds(120)),
                behaviour(marker, false, BehaviourType.CLICK, Channel.APP, category, ten)); // same partition, after it
        await().atMost(WAIT).untilAsserted(() -> assertThat(rowsNaming(marker)).isPositive());
        assertThat(rowsNaming(customer)).isZero();
        assertThat(funnel(day, category).getList("total.customers", Integer.class)).containsExactly(1, 1, 1, 0, 1);
    }

    @Test
    void aMergeMovesTheMergedIdsRowsToTheSurvivorCombiningThoseThatCollide() {
        LocalDate day = randomDay();
        LocalDate earlier = day.minusDays(3);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        String category = "cat-" + UUID.randomUUID();
        String survivor = "c-" + UUID.randomUUID();
        String merged = "c-" + UUID.randomUUID();
        String visitor = "anon-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, survivor,
                behaviour(survivor, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category, nine),
                behaviour(survivor, false, BehaviourType.ADD_TO_CART, Channel.APP, category, nine.plusSeconds(600)));
        publish(Topics.CUSTOMER_EVENTS, merged,
                behaviour(merged, false, BehaviourType.PRODUCT_VIEW, Channel.WEB, category,
                        earlier.atTime(12, 0).toInstant(ZoneOffset.UTC)),
                behaviour(merged, false, BehaviourType.PRODUCT_VIEW, Channel.WEB, category, nine.minusSeconds(7200)),
                behaviour(merged, false, BehaviourType.CLICK, Channel.APP, category, nine.plusSeconds(300)),
                behaviour(merged, false, BehaviourType.CHECKOUT, Channel.APP, category, nine.plusSeconds(1200)));
        String order = paid(merged, Channel.APP, category, nine.plusSeconds(1800));
        publish(Topics.ORDERS, merged, order);
        publish(Topics.CUSTOMER_EVENTS, visitor,
                behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.H5, null, earlier.atTime(8, 0)
                        .toInstant(ZoneOffset.UTC)));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(funnel(day, category).getInt("total[4].customers")).isEqualTo(1);
            assertThat(slotActivity(merged)).containsExactly(4L, 1L);
            assertThat(slotActivity(survivor)).containsExactly(2L, 0L);
            assertThat(firstSeen(visitor)).containsEntry("h5", earlier);
        });
        // Before: app has the survivor (exposure, cart) and the merged id (click, checkout, pay) apart; web the merged id.
        assertThat(funnel(day, category).getList("total.customers", Integer.class)).containsExactly(2, 1, 1, 1, 1);
        JsonPath appBefore = traffic(day, "app");
        JsonPath allBefore = traffic(day, null);

        // The same merge twice (a redelivery, one effect), then the visitor stitched to the survivor on the same key.
        String merge = merged(survivor, merged);
        publish(Topics.IDENTITY, survivor, merge, merge, merged(survivor, visitor));
        await().atMost(WAIT).untilAsserted(() -> assertThat(rowsNaming(visitor) + rowsNaming(merged)).isZero());

        JsonPath funnel = funnel(day, category);
        assertThat(funnel.getList("groups.channel", String.class)).containsExactly("app", "web");
        // app: one customer through every step (the steps OR); web: the merged id's view, now the survivor's.
        assertThat(funnel.getList("groups[0].steps.customers", Integer.class)).containsExactly(1, 1, 1, 1, 1);
        assertThat(funnel.getList("groups[0].steps.continued", Integer.class)).containsExactly(null, 1, 1, 1, 1);
        assertThat(funnel.getInt("groups[0].steps[4].unobservedEntries")).isZero();
        assertThat(funnel.getList("groups[1].steps.customers", Integer.class)).containsExactly(1, 0, 0, 0, 0);
        assertThat(slotActivity(survivor)).containsExactly(6L, 1L); // interactions and orders add
        assertThat(firstTouch(survivor, day)).isEqualTo(nine.minusSeconds(7200) + " web"); // the earlier of the two
        assertThat(firstTouch(survivor, earlier)).isEqualTo(earlier.atTime(12, 0).toInstant(ZoneOffset.UTC) + " web");
        assertThat(orderOwner(order)).isEqualTo(survivor);
        assertThat(firstSeen(survivor)).containsOnly(Map.entry("all", earlier), Map.entry("web", earlier),
                Map.entry("app", day), Map.entry("h5", earlier));
        // Two visitors first seen on the day became one, first seen three days before: one new visitor fewer there.
        assertThat(delta(traffic(day, "app"), appBefore, "newVisitors")).isEqualTo(-1);
        assertThat(delta(traffic(day, null), allBefore, "newVisitors")).isEqualTo(-1);
        assertThat(delta(traffic(day, "app"), appBefore, "pageViews")).isZero();
    }

    @Test
    void lateTrafficOfAMergedIdCountsForTheSurvivor() {
        LocalDate day = randomDay();
        Instant ten = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String category = "cat-" + UUID.randomUUID();
        String survivor = "c-" + UUID.randomUUID();
        String merged = "c-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, survivor,
                behaviour(survivor, false, BehaviourType.PRODUCT_VIEW, Channel.APP, category, ten));
        publish(Topics.IDENTITY, survivor, merged(survivor, merged));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pool.preparedQuery(
                        "SELECT count(*) AS n FROM customer_alias WHERE alias_id = $1 AND customer_id = $2")
                .execute(Tuple.of(merged, survivor)).await().atMost(WAIT).iterator().next().getLong("n")).isOne());

        publish(Topics.CUSTOMER_EVENTS, merged,
                behaviour(merged, false, BehaviourType.CLICK, Channel.APP, category, ten.plusSeconds(60)));
        String order = paid(merged, Channel.APP, category, ten.plusSeconds(600));
        publish(Topics.ORDERS, merged, order);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(slotActivity(survivor)).containsExactly(2L, 1L);
            assertThat(funnel(day, category).getList("total.customers", Integer.class))
                    .containsExactly(1, 1, 0, 0, 1);
        });
        assertThat(funnel(day, category).getInt("total[1].continued")).isEqualTo(1);
        assertThat(orderOwner(order)).isEqualTo(survivor);
        assertThat(rowsNaming(merged)).isZero();
    }

    /** The customer's interactions and paid orders over every hour of the week. */
    private List<Long> slotActivity(String customer) {
        var row = pool.preparedQuery("""
                SELECT coalesce(sum(interactions), 0) AS i, coalesce(sum(orders), 0) AS o
                FROM customer_slot_activity WHERE customer_id = $1""")
                .execute(Tuple.of(customer)).await().atMost(WAIT).iterator().next();
        return List.of(row.getLong("i"), row.getLong("o"));
    }

    /** "first_at channel" of the customer's first touch of the day. */
    private String firstTouch(String customer, LocalDate day) {
        var row = pool.preparedQuery("SELECT first_at, channel FROM customer_day_touch WHERE customer_id = $1 AND day = $2")
                .execute(Tuple.of(customer, day)).await().atMost(WAIT).iterator().next();
        return row.getOffsetDateTime("first_at").toInstant() + " " + row.getString("channel");
    }

    /** The customer that the paid order's row names. */
    private String orderOwner(String encodedOrder) {
        String orderId = ((OrderPaid) SegmentationEvents.CODEC.decode(encodedOrder).payload()).orderId();
        return pool.preparedQuery("SELECT customer_id FROM paid_order_touch WHERE order_id = $1")
                .execute(Tuple.of(orderId)).await().atMost(WAIT).iterator().next().getString("customer_id");
    }

    /** The visitor's first day per scope. */
    private Map<String, LocalDate> firstSeen(String visitor) {
        Map<String, LocalDate> days = new java.util.HashMap<>();
        pool.preparedQuery("SELECT scope, first_day FROM visitor_first_seen WHERE visitor_id = $1")
                .execute(Tuple.of(visitor)).await().atMost(WAIT)
                .forEach(row -> days.put(row.getString("scope"), row.getLocalDate("first_day")));
        return days;
    }

    private long rowsNaming(String customer) {
        return pool.preparedQuery("""
                SELECT (SELECT count(*) FROM funnel_reach WHERE customer_id = $1)
                     + (SELECT count(*) FROM customer_day_touch WHERE customer_id = $1)
                     + (SELECT count(*) FROM paid_order_touch WHERE customer_id = $1)
                     + (SELECT count(*) FROM customer_slot_activity WHERE customer_id = $1)
                     + (SELECT count(*) FROM visitor_first_seen WHERE visitor_id = $1) AS n""")
                .execute(Tuple.of(customer)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void aGarbageRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        LocalDate day = randomDay();
        String key = "c-" + UUID.randomUUID();
        String category = "cat-" + UUID.randomUUID();
        publish(Topics.CUSTOMER_EVENTS, key, "{not json",
                behaviour(key, false, BehaviourType.PRODUCT_VIEW, Channel.H5, category, day.atTime(12, 0)
                        .toInstant(ZoneOffset.UTC)));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.deadLetter(Topics.CUSTOMER_EVENTS),
                r -> key.equals(r.key()) && header(r, "dead-letter-consumer") != null, r -> !r.isEmpty(), WAIT);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(header(dead.get(0), "dead-letter-consumer")).isEqualTo(TrafficConsumer.BEHAVIOUR_CHANNEL);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not JSON");
        await().atMost(WAIT).untilAsserted(() -> assertThat(funnel(day, category).getInt("total[0].customers"))
                .isEqualTo(1));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        problem("/analytics/traffic?from=2026-02-10&to=2026-02-01", "from");
        problem("/analytics/traffic?granularity=hour", "granularity");
        problem("/analytics/traffic?channel=tv", "channel");
        problem("/analytics/traffic?metrics=pageViews,clicks", "metrics");
        problem("/analytics/traffic?from=2020-01-01", "from");
        problem("/analytics/funnel?to=31-01-2026", "to");
        problem("/analytics/paths?from=yesterday", "from");
        problem("/analytics/heatmap?segment=lifecycle", "segment");
        given().get("/analytics/traffic").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.APP)).get("/analytics/funnel").then().statusCode(403);
    }

    private static void problem(String path, String field) {
        given().header("Authorization", OPERATOR).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    @Test
    void aLateEventMovesAVisitorsFirstDayEarlierAndTheConsumerGoesOn() {
        LocalDate day = randomDay();
        LocalDate earlier = day.minusDays(2);
        String visitor = "anon-" + UUID.randomUUID();
        JsonPath dayBefore = traffic(day, "h5");
        JsonPath earlierBefore = traffic(earlier, "h5");
        publish(Topics.CUSTOMER_EVENTS, visitor, behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.H5, null,
                day.atTime(10, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(delta(traffic(day, "h5"), dayBefore, "newVisitors"))
                .isEqualTo(1));

        // Two days late: the visitor is new on the earlier day, no longer on the later one. Lowering the later day's
        // count once failed its CHECK (visitors >= 0) and stopped the consumer for good.
        publish(Topics.CUSTOMER_EVENTS, visitor, behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.H5, null,
                earlier.atTime(10, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(delta(traffic(earlier, "h5"), earlierBefore,
                "newVisitors")).isEqualTo(1));
        assertThat(delta(traffic(day, "h5"), dayBefore, "newVisitors")).isZero();
        assertThat(delta(traffic(day, "h5"), dayBefore, "returningVisitors")).isEqualTo(1);

        publish(Topics.CUSTOMER_EVENTS, visitor, behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.H5, null,
                day.atTime(11, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(delta(traffic(day, "h5"), dayBefore, "pageViews"))
                .isEqualTo(2));
    }

    /** A day between 20 and 380 days ago: inside the default retention, and rarely the day of another test. */
    private static LocalDate randomDay() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(20, 380));
    }

    /** The day's traffic of one channel, or of all (null). */
    private static JsonPath traffic(LocalDate day, String channel) {
        return given().header("Authorization", OPERATOR)
                .get("/analytics/traffic?from=" + day + "&to=" + day + (channel == null ? "" : "&channel=" + channel))
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath funnel(LocalDate day, String category) {
        return given().header("Authorization", OPERATOR).queryParam("category", category)
                .get("/analytics/funnel?from=" + day + "&to=" + day).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath heatmap(LocalDate day, String segment) {
        return given().header("Authorization", OPERATOR).queryParam("segment", segment)
                .get("/analytics/heatmap?from=" + day + "&to=" + day).then().statusCode(200).extract().jsonPath();
    }

    /** Customers per "firstTouch>orderChannel" pair of the day. */
    private static Map<String, Integer> pathCustomers(LocalDate day) {
        JsonPath paths = given().header("Authorization", OPERATOR).get("/analytics/paths?from=" + day + "&to=" + day)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Integer> customers = new java.util.HashMap<>();
        List<Map<String, Object>> list = paths.getList("paths");
        for (Map<String, Object> path : list) {
            customers.put(path.get("firstTouch") + ">" + path.get("orderChannel"), (Integer) path.get("customers"));
        }
        return customers;
    }

    private static long delta(JsonPath after, JsonPath before, String metric) {
        return after.getLong("total." + metric) - before.getLong("total." + metric);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String behaviour(String id, boolean anonymous, BehaviourType type, Channel channel, String category,
                                    Instant at) {
        return encode(EventType.BEHAVIOUR_RECORDED, id, FunnelCounterTest.behaviour(id, anonymous, type, channel,
                category, at));
    }

    private static String paid(String customer, Channel channel, String category, Instant at) {
        OrderLine line = new OrderLine("sku-1", category, null, 1, new BigDecimal("20.00"), null);
        return encode(EventType.ORDER_PAID, customer, new OrderPaid("o-" + UUID.randomUUID(), customer, "CNY",
                List.of(line), new BigDecimal("20.00"), BigDecimal.ZERO, channel, null, null, at));
    }
}
