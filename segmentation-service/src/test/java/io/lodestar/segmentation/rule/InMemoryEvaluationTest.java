package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import static io.lodestar.segmentation.rule.Facts.AS_OF;
import static io.lodestar.segmentation.rule.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmSegment;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;

/** The in-memory evaluator on its edges: comparison bounds, windows, whole days, ages, missing values and NOT. */
class InMemoryEvaluationTest {

    private static final EvaluationContext CTX = EvaluationContext.of(AS_OF, SegmentLookup.none());
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "3, eq, 3, true", "3, eq, 2, false", "3, ne, 3, false", "3, ne, 4, true",
            "3, gt, 3, false", "3, gt, 2, true", "3, gte, 3, true", "3, gte, 4, false",
            "3, lt, 3, false", "3, lt, 4, true", "3, lte, 3, true", "3, lte, 2, false"})
    void comparisonsOnTheirBoundaries(int paidOrders, String operator, int value, boolean matches) {
        Condition condition = FeatureCondition.compare(Feature.PAID_ORDERS, operator(operator), BigDecimal.valueOf(value));

        assertThat(condition.matches(customer().paidOrders(paidOrders).build(), CTX)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} between 100 and 200 → {1}")
    @CsvSource({"99.99, false", "100, true", "100.00, true", "150, true", "200.00, true", "200.01, false"})
    void betweenIsInclusiveAtBothEnds(String netSpend, boolean matches) {
        Condition condition = FeatureCondition.between(Feature.NET_SPEND, new BigDecimal("100"), new BigDecimal("200"));

        assertThat(condition.matches(customer().netSpend(netSpend).build(), CTX)).isEqualTo(matches);
    }

    @Test
    void numbersCompareByValueNotByScale() {
        Condition condition = FeatureCondition.compare(Feature.DISCOUNT_SHARE, ComparisonOperator.EQ, new BigDecimal("0.25"));

        assertThat(condition.matches(customer().discountShare("0.2500").build(), CTX)).isTrue();
    }

    @Test
    void aMissingValueFailsEveryComparisonButNe() {
        CustomerFacts noOrders = customer().avgOrderValue(null).build();

        for (ComparisonOperator operator : List.of(ComparisonOperator.EQ, ComparisonOperator.GT, ComparisonOperator.GTE,
                ComparisonOperator.LT, ComparisonOperator.LTE)) {
            assertThat(FeatureCondition.compare(Feature.AVG_ORDER_VALUE, operator, BigDecimal.TEN).matches(noOrders, CTX))
                    .as(operator.wireName()).isFalse();
        }
        assertThat(FeatureCondition.between(Feature.AVG_ORDER_VALUE, BigDecimal.ZERO, BigDecimal.TEN).matches(noOrders, CTX))
                .isFalse();
        assertThat(FeatureCondition.compare(Feature.AVG_ORDER_VALUE, ComparisonOperator.NE, BigDecimal.TEN)
                .matches(noOrders, CTX)).isTrue();
        assertThat(new Not(FeatureCondition.compare(Feature.AVG_ORDER_VALUE, ComparisonOperator.GT, BigDecimal.TEN))
                .matches(noOrders, CTX)).as("NOT is the exact complement").isTrue();
        assertThat(FeatureCondition.compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.GTE, BigDecimal.ZERO)
                .matches(noOrders, CTX)).as("never ordered: no days since").isFalse();
    }

    @Test
    void aMissingAttributeIsNeverInAListAndAlwaysNotInOne() {
        CustomerFacts noProfile = customer().build();
        CustomerFacts female = customer().gender(Gender.FEMALE).build();

        assertThat(eval(AttributeCondition.in(Attribute.GENDER, "female"), noProfile)).isFalse();
        assertThat(eval(new AttributeCondition(Attribute.GENDER, SetOperator.NOT_IN, List.of("female")), noProfile)).isTrue();
        assertThat(eval(new AttributeCondition(Attribute.GENDER, SetOperator.IS_SET, List.of()), noProfile)).isFalse();
        assertThat(eval(new AttributeCondition(Attribute.GENDER, SetOperator.IS_NOT_SET, List.of()), noProfile)).isTrue();
        assertThat(eval(new Not(AttributeCondition.in(Attribute.GENDER, "female")), noProfile)).isTrue();
        assertThat(eval(new AttributeCondition(Attribute.GENDER, SetOperator.NOT_IN, List.of("female")), female)).isFalse();
        assertThat(eval(new AttributeCondition(Attribute.GENDER, SetOperator.IS_SET, List.of()), female)).isTrue();
        assertThat(eval(AttributeCondition.in(Attribute.GENDER, "unknown"), customer().gender(Gender.UNKNOWN).build()))
                .as("the declared 'unknown' is a value, not a missing one").isTrue();
    }

    @ParameterizedTest(name = "born {0} → {1}")
    @CsvSource({
            "2007-06-15, 18-24", // 18 today
            "2007-06-16, under-18", // 18 tomorrow
            "2000-06-15, 25-34", // 25 today
            "2000-06-16, 18-24",
            "2000-02-29, 25-34", // leap day
            "1970-06-15, 55-plus", // 55 today
            "1970-06-16, 45-54",
            "2025-06-15, under-18", // born today
            "2025-06-16, ", // born in the future: no band
            "1800-01-01, "}) // older than every band
    void ageBandsFromTheBirthDateOnTheUtcDateOfTheEvaluation(LocalDate birthDate, String band) {
        CustomerFacts facts = customer().birthDate(birthDate).build();

        assertThat(Attribute.AGE_BAND.valueOf(facts.attributes(), TODAY)).isEqualTo(band);
        assertThat(eval(new AttributeCondition(Attribute.AGE_BAND, SetOperator.IS_SET, List.of()), facts))
                .isEqualTo(band != null);
    }

    @Test
    void theAgeDateIsTheUtcDateOfTheInstant() {
        CustomerFacts turns18OnTheSixteenth = customer().birthDate(LocalDate.of(2007, 6, 16)).build();
        Condition adult = AttributeCondition.in(Attribute.AGE_BAND, "18-24");

        assertThat(adult.matches(turns18OnTheSixteenth, at("2025-06-15T23:59:59Z"))).isFalse();
        assertThat(adult.matches(turns18OnTheSixteenth, at("2025-06-16T00:00:00Z"))).isTrue();
    }

    @Test
    void daysSinceAnOrderAreWholeDaysRoundedDown() {
        assertThat(daysSinceLastOrder(AS_OF)).isEqualTo(0);
        assertThat(daysSinceLastOrder(AS_OF.minus(Duration.ofDays(30)).plusSeconds(1))).isEqualTo(29);
        assertThat(daysSinceLastOrder(AS_OF.minus(Duration.ofDays(30)))).isEqualTo(30);
        assertThat(daysSinceLastOrder(AS_OF.minus(Duration.ofDays(31)).plusNanos(1_000))).isEqualTo(30);
        assertThat(daysSinceLastOrder(AS_OF.plusSeconds(1))).as("an order after asOf: floor, not truncation").isEqualTo(-1);
    }

    @Test
    void windowsIncludeBothEnds() {
        Condition ordered = FeatureCondition.inLastDays(Feature.ORDERS_IN_LAST_DAYS, 30, ComparisonOperator.GTE,
                BigDecimal.ONE);
        Instant start = AS_OF.minus(Duration.ofDays(30));

        assertThat(eval(ordered, customer().order(start, "10").build())).as("exactly 30 days").isTrue();
        assertThat(eval(ordered, customer().order(start.minusNanos(1_000), "10").build())).as("a µs older").isFalse();
        assertThat(eval(ordered, customer().order(AS_OF, "10").build())).as("at asOf").isTrue();
        assertThat(eval(ordered, customer().order(AS_OF.plusNanos(1_000), "10").build())).as("after asOf").isFalse();
    }

    @Test
    void spendInAWindowDeductsTheRefundsMadeInIt() {
        Instant old = AS_OF.minus(Duration.ofDays(100));
        CustomerFacts facts = customer()
                .order(AS_OF.minus(Duration.ofDays(5)), "300.00")
                .order(old, "1000.00")
                .refund(AS_OF.minus(Duration.ofDays(2)), "120.50") // deducted: made in the window
                .refund(old.plus(Duration.ofDays(1)), "999.00") // not: made before it
                .build();

        assertThat(Feature.SPEND_IN_LAST_DAYS.valueOf(facts, AS_OF, new TimeWindow(30))).isEqualByComparingTo("179.50");
        assertThat(Feature.ORDERS_IN_LAST_DAYS.valueOf(facts, AS_OF, new TimeWindow(30))).isEqualByComparingTo("1");
        assertThat(Feature.SPEND_IN_LAST_DAYS.valueOf(customer().refund(AS_OF, "20").build(), AS_OF, new TimeWindow(1)))
                .as("a refund alone makes it negative").isEqualByComparingTo("-20");
    }

    @Test
    void eventCountsRespectBehaviourCategoryAndWindow() {
        Instant edge = AS_OF.minus(Duration.ofDays(7));
        CustomerFacts facts = customer()
                .event(BehaviourType.PRODUCT_VIEW, "beauty", edge)
                .event(BehaviourType.PRODUCT_VIEW, "beauty", edge.minusSeconds(1))
                .event(BehaviourType.PRODUCT_VIEW, null, AS_OF)
                .event(BehaviourType.PRODUCT_VIEW, "beauty", AS_OF.plusSeconds(1))
                .event(BehaviourType.FAVORITE, "beauty", AS_OF)
                .build();

        assertThat(eval(new EventCountCondition(BehaviourType.PRODUCT_VIEW, "beauty", 7, 1), facts)).isTrue();
        assertThat(eval(new EventCountCondition(BehaviourType.PRODUCT_VIEW, "beauty", 7, 2), facts))
                .as("one is older than the window, one after asOf, one has no category").isFalse();
        assertThat(eval(new EventCountCondition(BehaviourType.PRODUCT_VIEW, null, 7, 2), facts))
                .as("any category, none included").isTrue();
        assertThat(eval(new EventCountCondition(BehaviourType.PRODUCT_VIEW, null, 7, 3), facts)).isFalse();
        assertThat(eval(new EventCountCondition(BehaviourType.PRODUCT_VIEW, "Beauty", 7, 1), facts))
                .as("categories compare exactly").isFalse();
    }

    @Test
    void rfmGroupsAreLookedUpInTheNamedModel() {
        CustomerFacts facts = customer().rfm("threshold", RfmClass.IMPORTANT_VALUE).rfm("quintile", RfmSegment.LOST).build();

        assertThat(eval(RfmCondition.in("threshold", RfmClass.IMPORTANT_VALUE), facts)).isTrue();
        assertThat(eval(RfmCondition.in("quintile", RfmSegment.CHAMPIONS), facts)).isFalse();
        assertThat(eval(RfmCondition.in("other", RfmClass.IMPORTANT_VALUE), facts)).as("not scored").isFalse();
        assertThat(eval(new RfmCondition("other", SetOperator.NOT_IN, List.of(RfmClass.IMPORTANT_VALUE)), facts)).isTrue();
        assertThat(eval(new RfmCondition("quintile", SetOperator.IS_SET, List.of()), facts)).isTrue();
    }

    @Test
    void churnProbabilityComparesAsADouble() {
        Condition atRisk = new ChurnProbabilityCondition(new BigDecimal("0.7"));

        assertThat(eval(atRisk, customer().assignment(null, null, null, 0.7).build())).as("0.7 ≥ 0.7").isTrue();
        assertThat(eval(atRisk, customer().assignment(null, null, null, 0.6999).build())).isFalse();
        assertThat(eval(atRisk, customer().build())).as("no prediction").isFalse();
        assertThat(eval(new ChurnProbabilityCondition(BigDecimal.ZERO), customer().build())).isFalse();
    }

    @Test
    void assignmentConditionsOnPresentAndMissingValues() {
        CustomerFacts assigned = customer().assignment(2, LifecycleStage.AT_RISK, ChurnRisk.HIGH, 0.9).build();
        CustomerFacts unassigned = customer().build();

        assertThat(eval(ClusterCondition.in(1, 2), assigned)).isTrue();
        assertThat(eval(ClusterCondition.in(1, 2), unassigned)).isFalse();
        assertThat(eval(new ClusterCondition(SetOperator.IS_NOT_SET, List.of()), unassigned)).isTrue();
        assertThat(eval(LifecycleStageCondition.in(LifecycleStage.AT_RISK), assigned)).isTrue();
        assertThat(eval(new LifecycleStageCondition(SetOperator.NOT_IN, List.of(LifecycleStage.AT_RISK)), unassigned))
                .isTrue();
        assertThat(eval(ChurnRiskCondition.in(ChurnRisk.LOW, ChurnRisk.MEDIUM), assigned)).isFalse();
    }

    @Test
    void channelAndCategoryPreferences() {
        CustomerFacts facts = customer().preferredChannel(Channel.LIVE_STREAM).topCategory("beauty").build();

        assertThat(eval(PreferredChannelCondition.in(Channel.LIVE_STREAM, Channel.APP), facts)).isTrue();
        assertThat(eval(new PreferredChannelCondition(SetOperator.NOT_IN, List.of(Channel.APP)), customer().build()))
                .isTrue();
        assertThat(eval(TopCategoryCondition.in("beauty"), facts)).isTrue();
        assertThat(eval(new TopCategoryCondition(SetOperator.IS_NOT_SET, List.of()), facts)).isFalse();
    }

    @Test
    void groupsCombineAndReferencesAreInlined() {
        SegmentLookup segments = SegmentLookup.of(Map.of("women", AttributeCondition.in(Attribute.GENDER, "female")));
        EvaluationContext ctx = EvaluationContext.of(AS_OF, segments);
        CustomerFacts woman = customer().gender(Gender.FEMALE).paidOrders(1).build();
        CustomerFacts man = customer().gender(Gender.MALE).paidOrders(5).build();
        Condition tree = Any.of(new SegmentReference("women"),
                All.of(new Not(new SegmentReference("women")), FeatureCondition.compare(Feature.PAID_ORDERS,
                        ComparisonOperator.GTE, BigDecimal.TEN)));

        assertThat(tree.matches(woman, ctx)).isTrue();
        assertThat(tree.matches(man, ctx)).isFalse();
        assertThat(tree.matches(customer().gender(Gender.MALE).paidOrders(10).build(), ctx)).isTrue();
    }

    @Test
    void theInstantIsTruncatedToMicrosecondsLikePostgres() {
        Instant precise = AS_OF.plusNanos(999);

        assertThat(EvaluationContext.of(precise, SegmentLookup.none()).asOf()).isEqualTo(AS_OF);
        assertThat(SqlContext.of(precise, SegmentLookup.none()).asOf()).isEqualTo(AS_OF);
    }

    private static boolean eval(Condition condition, CustomerFacts facts) {
        return condition.matches(facts, CTX);
    }

    private static long daysSinceLastOrder(Instant lastPaidAt) {
        return Feature.DAYS_SINCE_LAST_ORDER.valueOf(customer().lastPaidAt(lastPaidAt).build(), AS_OF, null).longValueExact();
    }

    private static EvaluationContext at(String instant) {
        return EvaluationContext.of(Instant.parse(instant), SegmentLookup.none());
    }

    private static ComparisonOperator operator(String wireName) {
        return WireNames.parse(ComparisonOperator.class, wireName).orElseThrow();
    }
}
