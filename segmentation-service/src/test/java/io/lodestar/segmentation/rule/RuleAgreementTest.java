package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import static io.lodestar.segmentation.rule.AgreementPopulation.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmSegment;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;

/**
 * CONVENTIONS 14: every condition fixture runs through both evaluators — its SQL against PostgreSQL over the real
 * schema, and {@code matches} over the {@link CustomerFacts} that {@link CustomerFactsLoader} reads for each customer —
 * and both must select the same customers. Each fixture must select some customers but not all, so that agreement is
 * never vacuous. The population ({@link AgreementPopulation}) uses ids of its own, and the SQL is scoped to them.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleAgreementTest {

    @Inject
    Pool pool;

    @Inject
    CustomerFactsLoader loader;

    @Inject
    ConditionCodec codec;

    private final AgreementPopulation population = new AgreementPopulation();
    private final Map<String, Condition> fixtures = fixtures(population);
    private final SegmentLookup segments = SegmentLookup.of(Map.of(
            "vip", Any.of(compare(Feature.NET_SPEND, ComparisonOperator.GTE, "800"),
                    compare(Feature.PAID_ORDERS, ComparisonOperator.GTE, "5")),
            "vip-women", All.of(new SegmentReference("vip"), attribute(Attribute.GENDER, SetOperator.IN, "female"))));
    private final Map<String, CustomerFacts> facts = new LinkedHashMap<>();

    @BeforeAll
    void insertPopulationAndLoadFacts() {
        population.insert(pool).await().indefinitely();
        int lookback = fixtures.values().stream().mapToInt(c -> Conditions.lookbackDays(c, segments)).max().orElse(0);
        for (String customerId : population.customerIds()) {
            Optional<CustomerFacts> loaded = loader.load(customerId, AS_OF, lookback).await().indefinitely();
            facts.put(customerId, loaded.orElseThrow(() -> new AssertionError("no facts for " + customerId)));
        }
    }

    @AfterAll
    void deletePopulation() {
        population.delete(pool).await().indefinitely();
    }

    Stream<String> fixtureNames() {
        return fixtures.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void sqlAndMemorySelectTheSameCustomers(String name) {
        Condition condition = fixtures.get(name);
        SegmentReferences.check(null, condition, segments, "condition");
        assertThat(codec.read(codec.toJson(condition))).as("JSON round trip").isEqualTo(condition);

        Set<String> bySql = selectBySql(condition);
        Set<String> inMemory = new TreeSet<>();
        EvaluationContext ctx = EvaluationContext.of(AS_OF, segments);
        facts.forEach((id, customer) -> {
            if (condition.matches(customer, ctx)) {
                inMemory.add(id);
            }
        });

        assertThat(bySql).as("members by SQL vs in memory of %s", name).isEqualTo(inMemory);
        assertThat(inMemory).as("%s must select someone", name).isNotEmpty();
        assertThat(inMemory.size()).as("%s must not select everyone", name).isLessThan(facts.size());
    }

    @Test
    void countSampleAndPagesAgreeWithTheMembers() {
        // Scoped to this run by the RFM model id, which only this population is scored in.
        Condition condition = All.of(new RfmCondition(population.thresholdModel, SetOperator.IS_SET, List.of()),
                compare(Feature.PAID_ORDERS, ComparisonOperator.GTE, "2"));
        RuleSegmentQuery query = RuleSegmentQuery.of(condition, AS_OF, segments);
        List<String> members = ids(query.members());

        long count = pool.preparedQuery(query.count().sql()).execute(query.count().tuple()).await().indefinitely()
                .iterator().next().getLong("members");
        assertThat(count).isEqualTo(members.size()).isGreaterThan(10);
        assertThat(ids(query.sample(5))).containsExactlyElementsOf(members.subList(0, 5));

        List<String> paged = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = ids(query.page(after, 7));
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            after = page.get(page.size() - 1);
        }
        assertThat(paged).containsExactlyElementsOf(members);
    }

    private Set<String> selectBySql(Condition condition) {
        SqlFragment where = RuleSegmentQuery.of(condition, AS_OF, segments).where();
        SqlStatement statement = SqlFragment.builder()
                .sql("SELECT f.customer_id FROM customer_feature_view f WHERE f.customer_id LIKE ")
                .param(population.prefix + "%", "text").sql(" AND (").fragment(where).sql(")").build().render();
        return new TreeSet<>(ids(statement));
    }

    private List<String> ids(SqlStatement statement) {
        List<String> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery(statement.sql()).execute(statement.tuple()).await().indefinitely()) {
            ids.add(row.getString("customer_id"));
        }
        return ids;
    }

    /** Every leaf type and operator at least once, nested groups, NOT over missing values, segment references. */
    private static Map<String, Condition> fixtures(AgreementPopulation population) {
        String threshold = population.thresholdModel;
        String quintile = population.quintileModel;
        Map<String, Condition> f = new LinkedHashMap<>();
        // Attributes
        f.put("gender in", attribute(Attribute.GENDER, SetOperator.IN, "female"));
        f.put("gender not_in", attribute(Attribute.GENDER, SetOperator.NOT_IN, "female", "unknown"));
        f.put("gender is_set", attribute(Attribute.GENDER, SetOperator.IS_SET));
        f.put("gender is_not_set", attribute(Attribute.GENDER, SetOperator.IS_NOT_SET));
        f.put("age_band in", attribute(Attribute.AGE_BAND, SetOperator.IN, "18-24", "25-34"));
        f.put("age_band in under-18", attribute(Attribute.AGE_BAND, SetOperator.IN, "under-18"));
        f.put("age_band in 55-plus", attribute(Attribute.AGE_BAND, SetOperator.IN, "55-plus"));
        f.put("age_band not_in", attribute(Attribute.AGE_BAND, SetOperator.NOT_IN, "55-plus", "45-54"));
        f.put("age_band is_set", attribute(Attribute.AGE_BAND, SetOperator.IS_SET));
        f.put("age_band is_not_set", attribute(Attribute.AGE_BAND, SetOperator.IS_NOT_SET));
        f.put("city_tier in", attribute(Attribute.CITY_TIER, SetOperator.IN, "tier-1", "new-tier-1"));
        f.put("region in", attribute(Attribute.REGION, SetOperator.IN, "east", "south"));
        f.put("region is_not_set", attribute(Attribute.REGION, SetOperator.IS_NOT_SET));
        f.put("member_tier in", attribute(Attribute.MEMBER_TIER, SetOperator.IN, "gold"));
        f.put("member_tier not_in", attribute(Attribute.MEMBER_TIER, SetOperator.NOT_IN, "normal"));
        f.put("registration_channel in", attribute(Attribute.REGISTRATION_CHANNEL, SetOperator.IN, "app", "mini_program"));
        f.put("registration_channel is_set", attribute(Attribute.REGISTRATION_CHANNEL, SetOperator.IS_SET));
        // Lifetime features, every comparison operator
        f.put("paid_orders eq", compare(Feature.PAID_ORDERS, ComparisonOperator.EQ, "3"));
        f.put("paid_orders ne", compare(Feature.PAID_ORDERS, ComparisonOperator.NE, "3"));
        f.put("paid_orders gt", compare(Feature.PAID_ORDERS, ComparisonOperator.GT, "2"));
        f.put("paid_orders gte", compare(Feature.PAID_ORDERS, ComparisonOperator.GTE, "2"));
        f.put("paid_orders lt", compare(Feature.PAID_ORDERS, ComparisonOperator.LT, "2"));
        f.put("paid_orders lte", compare(Feature.PAID_ORDERS, ComparisonOperator.LTE, "2"));
        f.put("paid_orders between", FeatureCondition.between(Feature.PAID_ORDERS, BigDecimal.valueOf(2), BigDecimal.valueOf(4)));
        f.put("net_spend gte", compare(Feature.NET_SPEND, ComparisonOperator.GTE, "1000.50"));
        f.put("avg_order_value lt (missing without orders)", compare(Feature.AVG_ORDER_VALUE, ComparisonOperator.LT, "300"));
        f.put("avg_order_value ne (missing matches)", compare(Feature.AVG_ORDER_VALUE, ComparisonOperator.NE, "300"));
        f.put("discount_share between", FeatureCondition.between(Feature.DISCOUNT_SHARE, new BigDecimal("0.02"),
                new BigDecimal("0.08")));
        f.put("cart_abandonment_rate gt", compare(Feature.CART_ABANDONMENT_RATE, ComparisonOperator.GT, "0.5"));
        f.put("product_views gte", compare(Feature.PRODUCT_VIEWS, ComparisonOperator.GTE, "3"));
        f.put("favorites gt", compare(Feature.FAVORITES, ComparisonOperator.GT, "0"));
        f.put("cart_adds gte", compare(Feature.CART_ADDS, ComparisonOperator.GTE, "2"));
        f.put("checkouts eq", compare(Feature.CHECKOUTS, ComparisonOperator.EQ, "0"));
        f.put("days_since_last_order lte 30", compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.LTE, "30"));
        f.put("days_since_last_order lt 30", compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.LT, "30"));
        f.put("days_since_last_order eq 29", compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.EQ, "29"));
        f.put("days_since_last_order lt 0 (order after asOf)", compare(Feature.DAYS_SINCE_LAST_ORDER,
                ComparisonOperator.LT, "0"));
        f.put("days_since_last_order gt 90", compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.GT, "90"));
        f.put("days_since_last_order between", FeatureCondition.between(Feature.DAYS_SINCE_LAST_ORDER,
                BigDecimal.valueOf(30), BigDecimal.valueOf(120)));
        f.put("days_since_first_order gte", compare(Feature.DAYS_SINCE_FIRST_ORDER, ComparisonOperator.GTE, "180"));
        // Windowed features
        f.put("orders_in_last_days(30) gte 1", window(Feature.ORDERS_IN_LAST_DAYS, 30, ComparisonOperator.GTE, "1"));
        f.put("orders_in_last_days(90) eq 2", window(Feature.ORDERS_IN_LAST_DAYS, 90, ComparisonOperator.EQ, "2"));
        f.put("spend_in_last_days(60) gt", window(Feature.SPEND_IN_LAST_DAYS, 60, ComparisonOperator.GT, "200"));
        f.put("spend_in_last_days(30) lt 0 (refunds only)", window(Feature.SPEND_IN_LAST_DAYS, 30, ComparisonOperator.LT,
                "0"));
        f.put("spend_in_last_days(365) between", new FeatureCondition(Feature.SPEND_IN_LAST_DAYS, 365,
                ComparisonOperator.BETWEEN, null, new BigDecimal("100"), new BigDecimal("1500.25")));
        // Preferred channel and top category
        f.put("preferred_channel in", new PreferredChannelCondition(SetOperator.IN, List.of(Channel.APP, Channel.WEB)));
        f.put("preferred_channel not_in", new PreferredChannelCondition(SetOperator.NOT_IN, List.of(Channel.APP)));
        f.put("preferred_channel is_set", new PreferredChannelCondition(SetOperator.IS_SET, List.of()));
        f.put("top_category in", TopCategoryCondition.in("beauty"));
        f.put("top_category not_in", new TopCategoryCondition(SetOperator.NOT_IN, List.of("beauty", "skincare")));
        f.put("top_category is_not_set", new TopCategoryCondition(SetOperator.IS_NOT_SET, List.of()));
        // RFM
        f.put("rfm class in", RfmCondition.in(threshold, RfmClass.IMPORTANT_VALUE, RfmClass.IMPORTANT_DEVELOP));
        f.put("rfm class not_in", new RfmCondition(threshold, SetOperator.NOT_IN, List.of(RfmClass.GENERAL_WIN_BACK)));
        f.put("rfm segment in", RfmCondition.in(quintile, RfmSegment.CHAMPIONS, RfmSegment.LOYAL, RfmSegment.AT_RISK));
        f.put("rfm segment is_set", new RfmCondition(quintile, SetOperator.IS_SET, List.of()));
        f.put("rfm of an unknown model not_in", All.of(new RfmCondition(population.prefix + "no-such-model",
                SetOperator.NOT_IN, List.of(RfmClass.IMPORTANT_VALUE)), compare(Feature.PAID_ORDERS, ComparisonOperator.GTE, "2")));
        // Assignment
        f.put("cluster in", ClusterCondition.in(0, 2));
        f.put("cluster not_in", new ClusterCondition(SetOperator.NOT_IN, List.of(1)));
        f.put("cluster is_not_set", new ClusterCondition(SetOperator.IS_NOT_SET, List.of()));
        f.put("lifecycle_stage in", LifecycleStageCondition.in(LifecycleStage.AT_RISK, LifecycleStage.LAPSED));
        f.put("lifecycle_stage not_in", new LifecycleStageCondition(SetOperator.NOT_IN, List.of(LifecycleStage.ACTIVE)));
        f.put("churn_risk in", ChurnRiskCondition.in(ChurnRisk.HIGH));
        f.put("churn_risk is_set", new ChurnRiskCondition(SetOperator.IS_SET, List.of()));
        f.put("churn_probability >= 0.7", new ChurnProbabilityCondition(new BigDecimal("0.7")));
        f.put("churn_probability >= 0", new ChurnProbabilityCondition(BigDecimal.ZERO));
        // Events
        f.put("event_count product_view in beauty, 7 days", new EventCountCondition(BehaviourType.PRODUCT_VIEW, "beauty", 7, 2));
        f.put("event_count add_to_cart, 14 days", new EventCountCondition(BehaviourType.ADD_TO_CART, null, 14, 1));
        f.put("event_count page_view, 30 days", new EventCountCondition(BehaviourType.PAGE_VIEW, null, 30, 3));
        // Groups, NOT over missing values, references
        f.put("all/any/not nested", All.of(
                attribute(Attribute.GENDER, SetOperator.NOT_IN, "male"),
                Any.of(compare(Feature.NET_SPEND, ComparisonOperator.GTE, "500"),
                        RfmCondition.in(threshold, RfmClass.IMPORTANT_VALUE)),
                new Not(ChurnRiskCondition.in(ChurnRisk.HIGH))));
        f.put("not over a missing average", new Not(compare(Feature.AVG_ORDER_VALUE, ComparisonOperator.GT, "100")));
        f.put("not over a missing attribute", new Not(attribute(Attribute.CITY_TIER, SetOperator.IN, "tier-1")));
        f.put("not of not_in", new Not(attribute(Attribute.MEMBER_TIER, SetOperator.NOT_IN, "gold")));
        f.put("any of windows", Any.of(
                window(Feature.ORDERS_IN_LAST_DAYS, 7, ComparisonOperator.GTE, "1"),
                new EventCountCondition(BehaviourType.CHECKOUT, null, 7, 1)));
        f.put("segment reference", new SegmentReference("vip"));
        f.put("segment reference through a segment", Any.of(new SegmentReference("vip-women"),
                new EventCountCondition(BehaviourType.FAVORITE, "skincare", 30, 1)));
        f.put("not a segment", All.of(new Not(new SegmentReference("vip")),
                compare(Feature.PAID_ORDERS, ComparisonOperator.GTE, "1")));
        return f;
    }

    static AttributeCondition attribute(Attribute field, SetOperator operator, String... values) {
        return new AttributeCondition(field, operator, List.of(values));
    }

    static FeatureCondition compare(Feature field, ComparisonOperator operator, String value) {
        return FeatureCondition.compare(field, operator, new BigDecimal(value));
    }

    static FeatureCondition window(Feature field, int days, ComparisonOperator operator, String value) {
        return FeatureCondition.inLastDays(field, days, operator, new BigDecimal(value));
    }
}
