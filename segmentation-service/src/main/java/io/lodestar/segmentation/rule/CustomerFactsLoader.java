package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.segmentation.rfm.RfmGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads one customer's {@link CustomerFacts} over the reactive pool: the feature-view row, RFM groups, assignment and
 * the orders, refunds and events of a lookback window, in six queries on one connection.
 */
@ApplicationScoped
public class CustomerFactsLoader {

    private static final String FEATURES = "SELECT first_paid_at, last_paid_at, paid_orders, net_spend, avg_order_value,"
            + " discount_share, cart_abandonment_rate, product_views, favorites, cart_adds, checkouts, preferred_channel,"
            + " top_category, gender, birth_date, city_tier, region, member_tier, registration_channel"
            + " FROM customer_feature_view WHERE customer_id = $1";
    private static final String RFM = "SELECT model_id, group_name FROM rfm_score WHERE customer_id = $1";
    private static final String ASSIGNMENT = "SELECT cluster_id, cluster_name, lifecycle_stage, churn_risk,"
            + " churn_probability FROM customer_assignment WHERE customer_id = $1";
    private static final String ORDERS = "SELECT order_id, paid_at, paid_amount FROM paid_order"
            + " WHERE customer_id = $1 AND paid_at >= $2 ORDER BY paid_at";
    private static final String REFUNDS = "SELECT order_id, refunded_at, amount FROM order_refund"
            + " WHERE customer_id = $1 AND refunded_at >= $2 ORDER BY refunded_at";
    private static final String EVENTS = "SELECT behaviour, category, occurred_at FROM behaviour_event"
            + " WHERE customer_id = $1 AND occurred_at >= $2 ORDER BY occurred_at";

    private final Pool pool;

    public CustomerFactsLoader(Pool pool) {
        this.pool = pool;
    }

    /**
     * The customer's facts, with orders, refunds and events since {@code lookbackDays} days before {@code asOf}
     * ({@link Conditions#lookbackDays} of the trees to evaluate), or empty when the customer has no row in
     * {@code customer_feature_view} (and so is in no rule segment).
     */
    public Uni<Optional<CustomerFacts>> load(String customerId, Instant asOf, int lookbackDays) {
        OffsetDateTime since = SqlContext.timestamptz(new TimeWindow(Math.max(lookbackDays, 1)).start(asOf));
        return pool.withConnection(connection -> query(connection, FEATURES, Tuple.of(customerId)).chain(features -> {
            if (!features.iterator().hasNext()) {
                return Uni.createFrom().item(Optional.<CustomerFacts>empty());
            }
            Row row = features.iterator().next();
            return query(connection, RFM, Tuple.of(customerId)).chain(rfm ->
                    query(connection, ASSIGNMENT, Tuple.of(customerId)).chain(assignment ->
                            query(connection, ORDERS, Tuple.of(customerId, since)).chain(orders ->
                                    query(connection, REFUNDS, Tuple.of(customerId, since)).chain(refunds ->
                                            query(connection, EVENTS, Tuple.of(customerId, since)).map(events ->
                                                    Optional.of(new CustomerFacts(customerId, features(row),
                                                            attributes(row), rfmGroups(rfm), assignment(assignment),
                                                            orders(orders), refunds(refunds), events(events))))))));
        }));
    }

    private static Uni<RowSet<Row>> query(SqlConnection connection, String sql, Tuple params) {
        return connection.preparedQuery(sql).execute(params);
    }

    private static CustomerFacts.Features features(Row row) {
        return new CustomerFacts.Features(instant(row, "first_paid_at"), instant(row, "last_paid_at"),
                row.getInteger("paid_orders"), row.getBigDecimal("net_spend"), row.getBigDecimal("avg_order_value"),
                row.getBigDecimal("discount_share"), row.getBigDecimal("cart_abandonment_rate"),
                row.getInteger("product_views"), row.getInteger("favorites"), row.getInteger("cart_adds"),
                row.getInteger("checkouts"), known(Channel.class, row.getString("preferred_channel")),
                row.getString("top_category"));
    }

    private static CustomerFacts.Attributes attributes(Row row) {
        return new CustomerFacts.Attributes(known(Gender.class, row.getString("gender")), row.getLocalDate("birth_date"),
                known(CityTier.class, row.getString("city_tier")), row.getString("region"),
                known(MemberTier.class, row.getString("member_tier")),
                known(Channel.class, row.getString("registration_channel")));
    }

    private static Map<String, RfmGroup> rfmGroups(RowSet<Row> rows) {
        Map<String, RfmGroup> groups = new HashMap<>();
        for (Row row : rows) {
            RfmGroup group = RfmGroupDeserializer.parse(row.getString("group_name"));
            if (group != null) {
                groups.put(row.getString("model_id"), group);
            }
        }
        return groups;
    }

    private static CustomerFacts.Assignment assignment(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return CustomerFacts.Assignment.NONE;
        }
        Row row = rows.iterator().next();
        return new CustomerFacts.Assignment(row.getInteger("cluster_id"), row.getString("cluster_name"),
                known(LifecycleStage.class, row.getString("lifecycle_stage")),
                known(ChurnRisk.class, row.getString("churn_risk")), row.getDouble("churn_probability"));
    }

    private static List<CustomerFacts.PaidOrder> orders(RowSet<Row> rows) {
        List<CustomerFacts.PaidOrder> orders = new ArrayList<>();
        for (Row row : rows) {
            orders.add(new CustomerFacts.PaidOrder(row.getString("order_id"), instant(row, "paid_at"),
                    row.getBigDecimal("paid_amount")));
        }
        return orders;
    }

    private static List<CustomerFacts.Refund> refunds(RowSet<Row> rows) {
        List<CustomerFacts.Refund> refunds = new ArrayList<>();
        for (Row row : rows) {
            refunds.add(new CustomerFacts.Refund(row.getString("order_id"), instant(row, "refunded_at"),
                    row.getBigDecimal("amount")));
        }
        return refunds;
    }

    private static List<CustomerFacts.Event> events(RowSet<Row> rows) {
        List<CustomerFacts.Event> events = new ArrayList<>();
        for (Row row : rows) {
            BehaviourType behaviour = known(BehaviourType.class, row.getString("behaviour"));
            if (behaviour != null) { // a behaviour this build does not know matches no condition in SQL either
                events.add(new CustomerFacts.Event(behaviour, row.getString("category"), instant(row, "occurred_at")));
            }
        }
        return events;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The constant of a wire name, or null (missing) for null or a name this build does not know. */
    private static <E extends Enum<E>> E known(Class<E> type, String wireName) {
        return WireNames.parse(type, wireName).orElse(null);
    }
}
