package io.lodestar.customerprofile.customer360;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.customerprofile.customer360.Customer360View.BehaviourSummary;
import io.lodestar.customerprofile.customer360.Customer360View.OrderSummary;
import io.lodestar.customerprofile.customer360.Customer360View.Window;
import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.customerprofile.consent.ConsentView;
import io.lodestar.customerprofile.consent.CustomerConsent;
import io.lodestar.customerprofile.customer.Customer;
import io.lodestar.customerprofile.customer360.Customer360View.FeedbackSummary;
import io.lodestar.customerprofile.customer360.Customer360View.Score;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reads of the 360 view, on the reactive client directly and pipelined on one connection: the profile, its
 * consents and feedback, one pass over the customer's orders (windows relative to now, which counters could not
 * keep) and one over the activity counters the event insert maintains.
 */
@ApplicationScoped
public class Customer360Queries {

    static final int[] WINDOW_DAYS = {30, 90, 180, 365};

    private final Pool pool;

    public Customer360Queries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Everything the view shows of one customer, on a single connection: the statements are sent together (the
     * connection pipelines them, so the view costs about one round trip) and a request never holds one connection
     * while it waits for another, which under load would let requests starve each other of the pool. Plain SQL, not
     * Hibernate: the 360 is the hot read path of app backends, and these are read-only rows.
     *
     * @return null when there is no such profile
     */
    public Uni<Parts> read(String customerId, Instant now) {
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(profile(connection, customerId), consents(connection, customerId),
                        feedback(connection, customerId), orders(connection, customerId, now),
                        behaviour(connection, customerId))
                .asTuple()
                .map(t -> t.getItem1() == null ? null
                        : new Parts(t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5())));
    }

    /** The stored parts of the view; the profile is a detached entity, for {@code CustomerMapper.toView}. */
    public record Parts(Customer profile, List<ConsentView> consents, FeedbackSummary feedback, OrderSummary orders,
            BehaviourSummary behaviour) {
    }

    private Uni<Customer> profile(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                SELECT customer_id, gender, birth_date, city, province, region, city_tier, occupation, income_band,
                       registration_channel, registered_at, member_tier, points, time_zone, attributes, status,
                       merged_into, created_at, updated_at
                FROM customer WHERE customer_id = $1""")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.rowCount() == 0 ? null : customer(rows.iterator().next()));
    }

    private static Customer customer(Row row) {
        Customer c = new Customer();
        c.customerId = row.getString(0);
        c.gender = wire(Gender.class, row.getString(1));
        c.birthDate = row.getLocalDate(2);
        c.city = row.getString(3);
        c.province = row.getString(4);
        c.region = row.getString(5);
        c.cityTier = wire(CityTier.class, row.getString(6));
        c.occupation = row.getString(7);
        c.incomeBand = row.getString(8);
        c.registrationChannel = wire(Channel.class, row.getString(9));
        c.registeredAt = instant(row.getOffsetDateTime(10));
        c.memberTier = wire(MemberTier.class, row.getString(11));
        c.points = row.getLong(12);
        c.timeZone = row.getString(13);
        JsonObject attributes = row.getJsonObject(14);
        c.attributes = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes.mapTo(Map.class));
        c.status = row.getString(15);
        c.mergedInto = row.getString(16);
        c.createdAt = instant(row.getOffsetDateTime(17));
        c.updatedAt = instant(row.getOffsetDateTime(18));
        return c;
    }

    private Uni<List<ConsentView>> consents(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                SELECT channel, granted, purpose, source, updated_at FROM customer_consent
                WHERE customer_id = $1 ORDER BY channel""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<ConsentView> list = new ArrayList<>();
                    for (Row row : rows) {
                        CustomerConsent consent = new CustomerConsent();
                        consent.customerId = customerId;
                        consent.channelName = row.getString(0);
                        consent.granted = row.getBoolean(1);
                        consent.purpose = row.getString(2);
                        consent.source = row.getString(3);
                        consent.updatedAt = instant(row.getOffsetDateTime(4));
                        list.add(ConsentView.of(consent));
                    }
                    return list;
                });
    }

    /** Per kind: how many, and the score and time of the latest. */
    private Uni<FeedbackSummary> feedback(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                SELECT kind, count(*), (array_agg(score ORDER BY given_at DESC))[1], max(given_at)
                FROM customer_feedback WHERE customer_id = $1 GROUP BY kind""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    Score nps = null;
                    Score csat = null;
                    long complaints = 0;
                    for (Row row : rows) {
                        Integer score = row.getInteger(2);
                        Score latest = score == null ? null : new Score(score, instant(row.getOffsetDateTime(3)));
                        switch (row.getString(0)) {
                            case "nps" -> nps = latest;
                            case "csat" -> csat = latest;
                            case "complaint" -> complaints = row.getLong(1);
                            default -> {
                                // a kind this version does not show
                            }
                        }
                    }
                    return new FeedbackSummary(nps, csat, complaints);
                });
    }

    private static <E extends Enum<E>> E wire(Class<E> type, String value) {
        return value == null ? null : WireNames.parse(type, value).orElseThrow(() -> new IllegalStateException(
                "unknown " + type.getSimpleName() + " '" + value + "' in the database"));
    }

    private Uni<OrderSummary> orders(SqlConnection connection, String customerId, Instant now) {
        StringBuilder windows = new StringBuilder();
        for (int days : WINDOW_DAYS) {
            windows.append(", count(*) FILTER (WHERE paid_at >= $2::timestamptz - interval '").append(days).append(" days')")
                    .append(", coalesce(sum(paid_amount - refunded_amount) FILTER (WHERE paid_at >= $2::timestamptz - interval '")
                    .append(days).append(" days'), 0)");
        }
        String sql = "SELECT count(*), coalesce(sum(paid_amount - refunded_amount), 0), min(paid_at), max(paid_at), "
                + "coalesce(sum(paid_amount), 0), coalesce(sum(refunded_amount), 0), "
                + "mode() WITHIN GROUP (ORDER BY currency)" + windows
                + " FROM orders WHERE customer_id = $1 AND paid_at IS NOT NULL";
        Uni<Row> totals = connection.preparedQuery(sql).execute(Tuple.of(customerId, now.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next());
        Uni<List<String>> categories = connection.preparedQuery("""
                SELECT i.category FROM order_item i JOIN orders o ON o.order_id = i.order_id
                WHERE o.customer_id = $1 AND o.paid_at IS NOT NULL
                GROUP BY i.category ORDER BY sum(i.quantity * i.unit_price - i.discount) DESC, i.category LIMIT 5""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<String> list = new ArrayList<>();
                    rows.forEach(r -> list.add(r.getString(0)));
                    return list;
                });
        return Uni.combine().all().unis(totals, categories).asTuple().map(t -> {
            Row r = t.getItem1();
            long paidOrders = r.getLong(0);
            BigDecimal net = r.getBigDecimal(1);
            BigDecimal paid = r.getBigDecimal(4);
            BigDecimal refunded = r.getBigDecimal(5);
            Map<String, Window> byWindow = new LinkedHashMap<>();
            for (int i = 0; i < WINDOW_DAYS.length; i++) {
                byWindow.put("d" + WINDOW_DAYS[i], new Window(WINDOW_DAYS[i], r.getLong(7 + 2 * i),
                        r.getBigDecimal(8 + 2 * i)));
            }
            return new OrderSummary(paidOrders, net,
                    paidOrders == 0 ? BigDecimal.ZERO : net.divide(BigDecimal.valueOf(paidOrders), 2, RoundingMode.HALF_UP),
                    instant(r.getOffsetDateTime(2)), instant(r.getOffsetDateTime(3)), byWindow,
                    paid.signum() == 0 ? BigDecimal.ZERO : refunded.divide(paid, 4, RoundingMode.HALF_UP),
                    r.getString(6), t.getItem2());
        });
    }

    private Uni<BehaviourSummary> behaviour(SqlConnection connection, String customerId) {
        return connection.preparedQuery("SELECT dimension, key, events, last_at FROM customer_activity WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).map(rows -> {
                    Map<String, Long> byBehaviour = new LinkedHashMap<>();
                    Map<String, Long> categories = new LinkedHashMap<>();
                    Map<String, Long> channels = new LinkedHashMap<>();
                    Map<String, Long> hours = new LinkedHashMap<>();
                    Map<String, Long> days = new LinkedHashMap<>();
                    long total = 0;
                    Instant lastSeen = null;
                    for (Row row : rows) {
                        String key = row.getString(1);
                        long events = row.getLong(2);
                        switch (row.getString(0)) {
                            case "behaviour" -> {
                                byBehaviour.put(key, events);
                                total += events;
                                Instant at = instant(row.getOffsetDateTime(3));
                                lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
                            }
                            case "category" -> categories.put(key, events);
                            case "channel" -> channels.put(key, events);
                            case "hour" -> hours.put(key, events);
                            case "dow" -> days.put(key, events);
                            default -> {
                                // a dimension this version does not show
                            }
                        }
                    }
                    List<String> topChannel = top(channels, 1);
                    return new BehaviourSummary(total, byBehaviour, top(categories, 5),
                            topChannel.isEmpty() ? null : topChannel.get(0),
                            top(hours, 3).stream().map(Integer::valueOf).toList(),
                            top(days, 3).stream().map(Integer::valueOf).toList(), lastSeen);
                });
    }

    /** The {@code n} keys with the most events, ties broken by key for a stable answer. */
    static List<String> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
