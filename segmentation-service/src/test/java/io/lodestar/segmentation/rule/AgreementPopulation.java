package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmSegment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A varied population for {@link RuleAgreementTest}, generated from a fixed seed and written with plain SQL: profile
 * attributes (some missing, some unknown to the contracts, birthdays on the edges of age bands), paid orders with
 * categories (some on the edges of the windows, some after the evaluation instant), refunds, behaviour events, RFM
 * scores in two models, and assignments. The lifetime aggregates of {@code customer_feature} are computed from the same
 * facts, as the consumers would. Every id starts with a per-run prefix, so runs never share rows.
 */
final class AgreementPopulation {

    static final Instant AS_OF = Instant.parse("2025-06-15T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final int GENERATED = 60;
    static final List<String> CATEGORIES = List.of("beauty", "skincare", "apparel", "home", "food");
    static final List<String> REGIONS = List.of("east", "south", "north", "west");
    static final List<BehaviourType> BEHAVIOURS = List.of(BehaviourType.PAGE_VIEW, BehaviourType.PRODUCT_VIEW,
            BehaviourType.FAVORITE, BehaviourType.ADD_TO_CART, BehaviourType.CHECKOUT, BehaviourType.SEARCH);

    final String prefix = "agree-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final String thresholdModel = prefix + "rfm-threshold";
    final String quintileModel = prefix + "rfm-quintile";
    final List<Customer> customers = new ArrayList<>();

    private final Random random = new Random(20250615L);

    record Order(String orderId, Instant paidAt, BigDecimal amount, BigDecimal discount, String channel,
            Map<String, BigDecimal> categories) {
    }

    record Refund(UUID refundId, String orderId, Instant refundedAt, BigDecimal amount) {
    }

    record Event(UUID eventId, BehaviourType behaviour, String channel, String category, Instant occurredAt) {
    }

    record Rfm(String modelId, String group) {
    }

    record Assignment(Integer clusterId, String lifecycleStage, String churnRisk, Double churnProbability) {
    }

    static final class Customer {
        final String id;
        boolean hasAttributes = true;
        String gender;
        LocalDate birthDate;
        String cityTier;
        String region;
        String memberTier;
        String registrationChannel;
        final List<Order> orders = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final List<Rfm> rfm = new ArrayList<>();
        Assignment assignment;
        /** Extra channel counts without events behind them (a channel this build does not know). */
        final Map<String, Integer> extraChannelCounts = new TreeMap<>();

        Customer(String id) {
            this.id = id;
        }
    }

    AgreementPopulation() {
        for (int i = 0; i < GENERATED; i++) {
            customers.add(generated(i));
        }
        addEdgeCases();
    }

    List<String> customerIds() {
        return customers.stream().map(c -> c.id).toList();
    }

    private Customer generated(int index) {
        Customer c = new Customer(prefix + String.format("c%03d", index));
        c.hasAttributes = random.nextInt(10) < 9;
        if (c.hasAttributes) {
            c.gender = pickOrNull(WireNames.all(Gender.class), 10);
            c.birthDate = random.nextInt(10) == 0 ? null : TODAY.minusDays(3 * 365 + random.nextInt(70 * 365));
            c.cityTier = pickOrNull(WireNames.all(CityTier.class), 15);
            c.region = pickOrNull(REGIONS, 20);
            c.memberTier = pickOrNull(WireNames.all(MemberTier.class), 15);
            c.registrationChannel = pickOrNull(WireNames.all(Channel.class), 15);
        }
        int orders = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(6);
        for (int o = 0; o < orders; o++) {
            Instant paidAt = AS_OF.minusSeconds(random.nextInt(400 * 86_400)).plusSeconds(random.nextInt(86_400) / 2);
            addOrder(c, paidAt);
        }
        int events = random.nextInt(4) == 0 ? 0 : random.nextInt(20);
        for (int e = 0; e < events; e++) {
            Instant at = AS_OF.minusSeconds(random.nextInt(45 * 86_400)).plusSeconds(random.nextInt(3_600));
            addEvent(c, BEHAVIOURS.get(random.nextInt(BEHAVIOURS.size())), at);
        }
        if (random.nextInt(10) < 8) {
            c.rfm.add(new Rfm(thresholdModel, WireNames.of(RfmClass.values()[random.nextInt(8)])));
        }
        if (random.nextInt(10) < 6) {
            c.rfm.add(new Rfm(quintileModel, WireNames.of(RfmSegment.values()[random.nextInt(11)])));
        }
        if (random.nextInt(10) < 8) {
            c.assignment = new Assignment(
                    random.nextInt(10) == 0 ? null : random.nextInt(5),
                    pickOrNull(WireNames.all(LifecycleStage.class), 10),
                    pickOrNull(WireNames.all(ChurnRisk.class), 10),
                    random.nextInt(10) == 0 ? null : random.nextInt(101) / 100.0);
        }
        return c;
    }

    /** Customers on the edges the generated ones reach only by chance. */
    private void addEdgeCases() {
        // Age bands: 18 today, 18 tomorrow, born on 29 February, born in the future, very old.
        edge("age-18-today", c -> c.birthDate = TODAY.minusYears(18));
        edge("age-18-tomorrow", c -> c.birthDate = TODAY.minusYears(18).plusDays(1));
        edge("age-leap-day", c -> c.birthDate = LocalDate.of(2000, 2, 29));
        edge("age-future", c -> c.birthDate = TODAY.plusDays(3));
        edge("age-55-today", c -> c.birthDate = TODAY.minusYears(55));
        // Values the contracts do not know: they count as missing in both paths.
        edge("unknown-values", c -> {
            c.gender = "other";
            c.registrationChannel = "tiktok";
            c.extraChannelCounts.put("tiktok", 99);
        });
        // Window edges: an order exactly 30 days before asOf, one a second older, one exactly at asOf, one after it.
        edge("order-30-days", c -> addOrder(c, AS_OF.minus(Duration.ofDays(30))));
        edge("order-30-days-and-a-second", c -> addOrder(c, AS_OF.minus(Duration.ofDays(30)).minusSeconds(1)));
        edge("order-at-as-of", c -> addOrder(c, AS_OF));
        edge("order-after-as-of", c -> addOrder(c, AS_OF.plus(Duration.ofHours(5))));
        edge("order-30-days-less-a-second", c -> addOrder(c, AS_OF.minus(Duration.ofDays(30)).plusSeconds(1)));
        // A refund larger than the window's orders: negative spend in the window.
        edge("refund-only-in-window", c -> {
            Order old = addOrder(c, AS_OF.minus(Duration.ofDays(200)));
            c.refunds.clear();
            c.refunds.add(new Refund(UUID.randomUUID(), old.orderId(), AS_OF.minus(Duration.ofDays(10)), old.amount()));
        });
        // Events on the 7-day edge.
        edge("events-7-days", c -> {
            addEvent(c, BehaviourType.PRODUCT_VIEW, AS_OF.minus(Duration.ofDays(7)), "beauty");
            addEvent(c, BehaviourType.PRODUCT_VIEW, AS_OF.minus(Duration.ofDays(7)).minusSeconds(1), "beauty");
            addEvent(c, BehaviourType.PRODUCT_VIEW, AS_OF, "beauty");
        });
        edge("events-uncategorised", c -> {
            addEvent(c, BehaviourType.ADD_TO_CART, AS_OF.minus(Duration.ofDays(1)), null);
            addEvent(c, BehaviourType.ADD_TO_CART, AS_OF.minus(Duration.ofDays(2)), null);
        });
        // An average order value of exactly 300.00 (ne 300 excludes it, and includes those without orders).
        edge("average-300", c -> {
            addOrder(c, AS_OF.minus(Duration.ofDays(40)), new BigDecimal("250.00"));
            addOrder(c, AS_OF.minus(Duration.ofDays(50)), new BigDecimal("350.00"));
        });
        // Churn probability exactly on a threshold.
        edge("churn-0.7", c -> c.assignment = new Assignment(2, "at_risk", "high", 0.7));
        // Nothing but a profile-less feature row: no attributes, orders, events, scores or assignment.
        edge("bare", c -> {
            c.hasAttributes = false;
            c.rfm.clear();
            c.assignment = null;
            c.events.add(new Event(UUID.randomUUID(), BehaviourType.PAGE_VIEW, "web", null,
                    AS_OF.minus(Duration.ofDays(300))));
        });
    }

    private void edge(String name, Consumer<Customer> setUp) {
        Customer c = new Customer(prefix + "edge-" + name);
        c.gender = "female";
        c.birthDate = TODAY.minusYears(30);
        c.cityTier = "tier-2";
        c.region = "east";
        c.memberTier = "silver";
        c.registrationChannel = "app";
        c.rfm.add(new Rfm(thresholdModel, "important-value"));
        c.assignment = new Assignment(1, "active", "low", 0.1);
        setUp.accept(c);
        customers.add(c);
    }

    private Order addOrder(Customer c, Instant paidAt) {
        return addOrder(c, paidAt, BigDecimal.valueOf(1_000 + random.nextInt(80_000), 2));
    }

    private Order addOrder(Customer c, Instant paidAt, BigDecimal amount) {
        BigDecimal discount = random.nextInt(3) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(5_000), 2);
        Map<String, BigDecimal> categories = new LinkedHashMap<>();
        String first = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        if (random.nextBoolean()) {
            String second = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            BigDecimal part = amount.multiply(BigDecimal.valueOf(random.nextInt(90) + 5))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            categories.merge(first, part, BigDecimal::add);
            categories.merge(second, amount.subtract(part), BigDecimal::add);
        } else {
            categories.put(first, amount);
        }
        Order order = new Order(c.id + "-o" + c.orders.size(), paidAt, amount, discount,
                WireNames.all(Channel.class).get(random.nextInt(4)), categories);
        c.orders.add(order);
        if (random.nextInt(10) < 3) {
            BigDecimal refunded = amount.multiply(BigDecimal.valueOf(random.nextInt(100) + 1))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            c.refunds.add(new Refund(UUID.randomUUID(), order.orderId(),
                    paidAt.plusSeconds(86_400L * (1 + random.nextInt(20))), refunded));
        }
        return order;
    }

    private void addEvent(Customer c, BehaviourType behaviour, Instant at) {
        addEvent(c, behaviour, at, random.nextInt(4) == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size())));
    }

    private void addEvent(Customer c, BehaviourType behaviour, Instant at, String category) {
        String channel = WireNames.all(Channel.class).get(random.nextInt(5));
        c.events.add(new Event(UUID.randomUUID(), behaviour, channel, category, at));
    }

    private String pickOrNull(List<String> values, int percentNull) {
        return random.nextInt(100) < percentNull ? null : values.get(random.nextInt(values.size()));
    }

    // --- Writing ---------------------------------------------------------------------------------------------------

    Uni<Void> insert(Pool pool) {
        List<Tuple> attributes = new ArrayList<>();
        List<Tuple> orders = new ArrayList<>();
        List<Tuple> orderCategories = new ArrayList<>();
        List<Tuple> refunds = new ArrayList<>();
        List<Tuple> events = new ArrayList<>();
        List<Tuple> features = new ArrayList<>();
        List<Tuple> rfm = new ArrayList<>();
        List<Tuple> assignments = new ArrayList<>();
        for (Customer c : customers) {
            if (c.hasAttributes) {
                attributes.add(Tuple.tuple(listOf(c.id, c.gender, c.birthDate, c.cityTier, c.region, c.memberTier,
                        c.registrationChannel, ts(AS_OF.minus(Duration.ofDays(500))), ts(AS_OF))));
            }
            for (Order o : c.orders) {
                orders.add(Tuple.tuple(listOf(o.orderId(), c.id, ts(o.paidAt()), o.amount(), o.discount(), o.channel())));
                o.categories().forEach((category, amount) -> orderCategories.add(Tuple.of(o.orderId(), category, amount)));
            }
            for (Refund r : c.refunds) {
                refunds.add(Tuple.of(r.refundId(), r.orderId(), c.id, ts(r.refundedAt()), r.amount()));
            }
            for (Event e : c.events) {
                events.add(Tuple.tuple(listOf(e.eventId(), c.id, WireNames.of(e.behaviour()), e.channel(), e.category(),
                        ts(e.occurredAt()))));
            }
            features.add(featureRow(c));
            for (Rfm score : c.rfm) {
                rfm.add(Tuple.tuple(listOf(score.modelId(), c.id, 10, 2, new BigDecimal("123.45"), (short) 3, (short) 4,
                        (short) 2, "342", score.group())));
            }
            if (c.assignment != null) {
                Assignment a = c.assignment;
                assignments.add(Tuple.tuple(listOf(c.id, a.clusterId(), a.clusterId() == null ? null : "cluster-" + a.clusterId(),
                        a.lifecycleStage(), a.churnRisk(), a.churnProbability())));
            }
        }
        return pool.withTransaction(connection -> batch(connection, "INSERT INTO customer_attributes (customer_id, gender,"
                + " birth_date, city_tier, region, member_tier, registration_channel, registered_at, source_updated_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", attributes)
                .chain(() -> batch(connection, "INSERT INTO paid_order (order_id, customer_id, paid_at, paid_amount,"
                        + " discount_amount, channel) VALUES ($1, $2, $3, $4, $5, $6)", orders))
                .chain(() -> batch(connection, "INSERT INTO paid_order_category (order_id, category, amount)"
                        + " VALUES ($1, $2, $3)", orderCategories))
                .chain(() -> batch(connection, "INSERT INTO order_refund (refund_id, order_id, customer_id, refunded_at,"
                        + " amount) VALUES ($1, $2, $3, $4, $5)", refunds))
                .chain(() -> batch(connection, "INSERT INTO behaviour_event (event_id, customer_id, behaviour, channel,"
                        + " category, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)", events))
                .chain(() -> batch(connection, "INSERT INTO customer_feature (customer_id, first_paid_at, last_paid_at,"
                        + " paid_orders, gross_spend, refunded_amount, discount_amount, page_views, product_views,"
                        + " searches, favorites, cart_adds, checkouts, last_event_at, category_spend, channel_counts)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text::jsonb,"
                        + " $16::text::jsonb)", features))
                .chain(() -> batch(connection, "INSERT INTO rfm_score (model_id, customer_id, recency_days, frequency,"
                        + " monetary, r_score, f_score, m_score, code, group_name)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", rfm))
                .chain(() -> batch(connection, "INSERT INTO customer_assignment (customer_id, cluster_id, cluster_name,"
                        + " lifecycle_stage, churn_risk, churn_probability) VALUES ($1, $2, $3, $4, $5, $6)", assignments)));
    }

    Uni<Void> delete(Pool pool) {
        String like = prefix + "%";
        List<String> statements = List.of(
                "DELETE FROM customer_assignment WHERE customer_id LIKE $1",
                "DELETE FROM rfm_score WHERE customer_id LIKE $1",
                "DELETE FROM customer_feature WHERE customer_id LIKE $1",
                "DELETE FROM behaviour_event WHERE customer_id LIKE $1",
                "DELETE FROM order_refund WHERE customer_id LIKE $1",
                "DELETE FROM paid_order WHERE customer_id LIKE $1",
                "DELETE FROM customer_attributes WHERE customer_id LIKE $1");
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String sql : statements) {
            chain = chain.chain(() -> pool.preparedQuery(sql).execute(Tuple.of(like)).replaceWithVoid());
        }
        return chain;
    }

    /** The lifetime aggregates as the consumers keep them: every fact counts, whenever it happened. */
    private Tuple featureRow(Customer c) {
        Instant first = c.orders.stream().map(Order::paidAt).min(Instant::compareTo).orElse(null);
        Instant last = c.orders.stream().map(Order::paidAt).max(Instant::compareTo).orElse(null);
        BigDecimal gross = c.orders.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = c.orders.stream().map(Order::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal refunded = c.refunds.stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<BehaviourType, Long> counts = c.events.stream()
                .collect(Collectors.groupingBy(Event::behaviour, Collectors.counting()));
        Map<String, BigDecimal> categorySpend = new TreeMap<>();
        c.orders.forEach(o -> o.categories().forEach((k, v) -> categorySpend.merge(k, v, BigDecimal::add)));
        Map<String, Integer> channelCounts = new TreeMap<>(c.extraChannelCounts);
        c.events.forEach(e -> channelCounts.merge(e.channel(), 1, Integer::sum));
        c.orders.forEach(o -> channelCounts.merge(o.channel(), 1, Integer::sum));
        Instant lastEvent = c.events.stream().map(Event::occurredAt).max(Instant::compareTo).orElse(null);
        return Tuple.tuple(listOf(c.id, ts(first), ts(last), c.orders.size(), gross, refunded, discount,
                count(counts, BehaviourType.PAGE_VIEW), count(counts, BehaviourType.PRODUCT_VIEW),
                count(counts, BehaviourType.SEARCH), count(counts, BehaviourType.FAVORITE),
                count(counts, BehaviourType.ADD_TO_CART), count(counts, BehaviourType.CHECKOUT), ts(lastEvent),
                json(categorySpend), json(channelCounts)));
    }

    private static int count(Map<BehaviourType, Long> counts, BehaviourType type) {
        return counts.getOrDefault(type, 0L).intValue();
    }

    private static String json(Map<String, ?> values) {
        return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A list that, unlike {@code List.of}, holds nulls (SQL NULLs). */
    private static List<Object> listOf(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
