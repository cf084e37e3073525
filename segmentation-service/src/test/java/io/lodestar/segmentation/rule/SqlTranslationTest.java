package io.lodestar.segmentation.rule;

import static io.lodestar.segmentation.rule.Facts.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;

/** The SQL side on its own: parameter numbering, no value in the text, the evaluation instant as a parameter. */
class SqlTranslationTest {

    private static final SqlContext CTX = SqlContext.of(AS_OF, SegmentLookup.none());

    @Test
    void nestedFragmentsNumberTheirParametersInOrder() {
        SqlFragment inner = SqlFragment.builder().sql("a = ").param("x", "text").sql(" AND b = ").param(2, "int4").build();
        SqlFragment outer = SqlFragment.builder().sql("c = ").param("y", "text").sql(" AND (").fragment(inner)
                .sql(") AND (").fragment(inner).sql(")").build();

        SqlStatement statement = outer.render();

        assertThat(statement.sql()).isEqualTo("c = $1::text AND (a = $2::text AND b = $3::int4) AND (a = $4::text AND b = $5::int4)");
        assertThat(statement.params()).containsExactly("y", "x", 2, "x", 2);
        assertThat(inner.render().sql()).as("a fragment is numbered afresh wherever it is rendered")
                .isEqualTo("a = $1::text AND b = $2::int4");
        assertThat(statement.tuple().size()).isEqualTo(5);
    }

    @Test
    void valuesNeverAppearInTheSqlText() {
        String hostile = "beauty'); DROP TABLE paid_order; --";
        Condition condition = All.of(new EventCountCondition(BehaviourType.PRODUCT_VIEW, hostile, 7, 3),
                TopCategoryCondition.in(hostile), AttributeCondition.in(Attribute.REGION, hostile),
                RfmCondition.in(hostile, RfmClass.IMPORTANT_VALUE));

        SqlStatement statement = condition.toSql(CTX).render();

        assertThat(statement.sql()).doesNotContain("DROP").doesNotContain("beauty");
        assertThat(statement.params()).filteredOn(hostile::equals).hasSize(4);
    }

    @Test
    void theEvaluationInstantIsAParameterNeverNow() {
        Condition condition = All.of(
                FeatureCondition.compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.GT, BigDecimal.TEN),
                FeatureCondition.inLastDays(Feature.SPEND_IN_LAST_DAYS, 30, ComparisonOperator.GT, BigDecimal.ONE),
                AttributeCondition.in(Attribute.AGE_BAND, "25-34"));

        SqlStatement statement = condition.toSql(CTX).render();

        assertThat(statement.sql().toLowerCase()).doesNotContain("now()").doesNotContain("current_");
        assertThat(statement.params()).contains(OffsetDateTime.ofInstant(AS_OF, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(AS_OF.minusSeconds(30 * 86_400L), ZoneOffset.UTC),
                LocalDate.of(1990, 6, 16), LocalDate.of(2000, 6, 15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.lodestar.segmentation.rule.ConditionCodecTest#examples")
    void everyConditionRendersWithOneValuePerSlot(String name, Condition condition) {
        SegmentLookup segments = id -> Optional.of(AttributeCondition.in(Attribute.GENDER, "female"));

        SqlStatement statement = condition.toSql(SqlContext.of(AS_OF, segments)).render();

        for (int i = 1; i <= statement.params().size(); i++) {
            assertThat(statement.sql()).contains("$" + i + "::");
        }
        assertThat(statement.sql()).doesNotContain("$" + (statement.params().size() + 1) + "::");
        assertThat(statement.params()).doesNotContainNull();
    }

    @Test
    void segmentReferencesAreInlined() {
        SegmentLookup segments = SegmentLookup.of(Map.of("women", AttributeCondition.in(Attribute.GENDER, "female")));

        SqlStatement statement = new Not(new SegmentReference("women")).toSql(SqlContext.of(AS_OF, segments)).render();

        assertThat(statement.sql()).isEqualTo("NOT (COALESCE(f.gender IN ($1::text), FALSE))");
        assertThat(statement.params()).containsExactly("female");
    }

    @Test
    void notInIsTheNegationOfInAndIsSetTestsKnownValues() {
        assertThat(new AttributeCondition(Attribute.GENDER, SetOperator.NOT_IN, List.of("male")).toSql(CTX).render().sql())
                .isEqualTo("NOT (COALESCE(f.gender IN ($1::text), FALSE))");
        SqlStatement isSet = new AttributeCondition(Attribute.GENDER, SetOperator.IS_SET, List.of()).toSql(CTX).render();
        assertThat(isSet.sql()).isEqualTo("COALESCE(f.gender IN ($1::text, $2::text, $3::text), FALSE)");
        assertThat(isSet.params()).containsExactly("female", "male", "unknown");
        assertThat(new AttributeCondition(Attribute.REGION, SetOperator.IS_NOT_SET, List.of()).toSql(CTX).render().sql())
                .isEqualTo("NOT ((f.region IS NOT NULL))");
    }

    @Test
    void theQueryShapes() {
        RuleSegmentQuery query = RuleSegmentQuery.of(FeatureCondition.compare(Feature.PAID_ORDERS, ComparisonOperator.GTE,
                BigDecimal.ONE), AS_OF, SegmentLookup.none());

        assertThat(query.members().sql()).isEqualTo("SELECT f.customer_id FROM customer_feature_view f"
                + " WHERE (COALESCE(f.paid_orders >= $1::numeric, FALSE)) ORDER BY f.customer_id");
        assertThat(query.count().sql()).isEqualTo("SELECT count(*) AS members FROM customer_feature_view f"
                + " WHERE (COALESCE(f.paid_orders >= $1::numeric, FALSE))");
        SqlStatement page = query.page("c-100", 50);
        assertThat(page.sql()).endsWith(" AND f.customer_id > $2::text ORDER BY f.customer_id LIMIT $3::int4");
        assertThat(page.params()).containsExactly(BigDecimal.ONE, "c-100", 50);
        assertThat(query.sample(10).params()).containsExactly(BigDecimal.ONE, 10);
    }
}
