package io.lodestar.segmentation.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.platform.problem.Problem;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;

/** References to other segments: unknown ones and cycles are refused before a tree is stored. */
class SegmentReferencesTest {

    private static final Condition WOMEN = AttributeCondition.in(Attribute.GENDER, "female");
    private static final Condition BIG_SPENDERS = FeatureCondition.compare(Feature.NET_SPEND, ComparisonOperator.GTE,
            new BigDecimal("1000"));

    @Test
    void acceptsReferencesToExistingSegmentsIncludingSharedOnes() {
        // a → b, a → c, b → d, c → d: a diamond, not a cycle.
        SegmentLookup stored = SegmentLookup.of(Map.of(
                "b", All.of(new SegmentReference("d"), WOMEN),
                "c", Any.of(new SegmentReference("d"), BIG_SPENDERS),
                "d", BIG_SPENDERS));

        assertThat(SegmentReferences.violations("a", All.of(new SegmentReference("b"), new SegmentReference("c")),
                stored, "condition")).isEmpty();
    }

    @Test
    void refusesAnUnknownSegmentAtThePathOfTheReference() {
        Condition tree = All.of(WOMEN, Any.of(BIG_SPENDERS, new Not(new SegmentReference("ghost"))));

        assertThat(violations("a", tree, SegmentLookup.none())).containsExactly(new Problem.Violation(
                "condition.children[1].children[1].child.segmentId", "refers to segment 'ghost', which does not exist"));
    }

    @Test
    void refusesAnUnknownSegmentFoundThroughAnotherSegment() {
        SegmentLookup stored = SegmentLookup.of(Map.of("b", All.of(WOMEN, new SegmentReference("ghost"))));

        assertThat(violations(null, new SegmentReference("b"), stored)).containsExactly(new Problem.Violation(
                "condition.segmentId", "leads through 'b' to segment 'ghost', which does not exist"));
    }

    @Test
    void refusesAReferenceToItself() {
        assertThat(violations("a", All.of(WOMEN, new SegmentReference("a")), SegmentLookup.none())).containsExactly(
                new Problem.Violation("condition.children[1].segmentId", "refers to its own segment 'a'"));
    }

    @Test
    void refusesACycleThroughStoredSegments() {
        // Changing a so that it refers to b, while b → c → a.
        SegmentLookup stored = SegmentLookup.of(Map.of(
                "a", WOMEN,
                "b", All.of(BIG_SPENDERS, new SegmentReference("c")),
                "c", Any.of(new SegmentReference("a"), WOMEN)));

        assertThat(violations("a", Any.of(BIG_SPENDERS, new SegmentReference("b")), stored)).containsExactly(
                new Problem.Violation("condition.children[1].segmentId",
                        "creates a cycle of segment references: 'a' → 'b' → 'c' → 'a'"));
    }

    @Test
    void refusesATwoSegmentCycle() {
        SegmentLookup stored = SegmentLookup.of(Map.of("b", new SegmentReference("a")));

        RuleValidationException e = catchThrowableOfType(RuleValidationException.class,
                () -> SegmentReferences.check("a", new SegmentReference("b"), stored, "condition"));

        assertThat(e.violations()).containsExactly(new Problem.Violation("condition.segmentId",
                "creates a cycle of segment references: 'a' → 'b' → 'a'"));
    }

    @Test
    void reportsEachBadReference() {
        SegmentLookup stored = SegmentLookup.of(Map.of("b", new SegmentReference("a"), "ok", WOMEN));

        assertThat(violations("a", All.of(new SegmentReference("b"), new SegmentReference("ok"),
                new SegmentReference("ghost")), stored)).extracting(Problem.Violation::field).containsExactly(
                        "condition.children[0].segmentId", "condition.children[2].segmentId");
    }

    @Test
    void namesTheSegmentsATreeRefersToDirectly() {
        Condition tree = All.of(new SegmentReference("b"), Any.of(new Not(new SegmentReference("c")),
                new SegmentReference("b")), WOMEN);

        assertThat(SegmentReferences.referencedBy(tree)).containsExactly("b", "c");
        assertThat(SegmentReferences.referencedBy(WOMEN)).isEmpty();
    }

    @Test
    void evaluationRefusesACycleThatSlippedThrough() {
        SegmentLookup cyclic = SegmentLookup.of(Map.of("a", new SegmentReference("b"), "b", new SegmentReference("a")));
        CustomerFacts facts = Facts.customer().build();

        assertThatThrownBy(() -> new SegmentReference("a").matches(facts, EvaluationContext.of(Facts.AS_OF, cyclic)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a → b → a");
        assertThatThrownBy(() -> new SegmentReference("a").toSql(SqlContext.of(Facts.AS_OF, cyclic)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a → b → a");
        assertThatThrownBy(() -> new SegmentReference("x").toSql(SqlContext.of(Facts.AS_OF, cyclic)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x is referenced but does not exist");
    }

    @Test
    void theLookbackFollowsReferences() {
        SegmentLookup stored = SegmentLookup.of(Map.of(
                "b", new EventCountCondition(BehaviourType.PRODUCT_VIEW, null, 45, 1),
                "loop", new SegmentReference("loop")));
        Condition tree = All.of(FeatureCondition.inLastDays(Feature.ORDERS_IN_LAST_DAYS, 30, ComparisonOperator.GTE,
                BigDecimal.ONE), new Not(new SegmentReference("b")), new SegmentReference("loop"));

        assertThat(Conditions.lookbackDays(tree, stored)).isEqualTo(45);
        assertThat(Conditions.lookbackDays(WOMEN, stored)).isZero();
        assertThat(Conditions.lookbackDays(FeatureCondition.compare(Feature.DAYS_SINCE_LAST_ORDER, ComparisonOperator.GT,
                BigDecimal.TEN), stored)).isZero();
    }

    private static List<Problem.Violation> violations(String id, Condition tree, SegmentLookup stored) {
        return SegmentReferences.violations(id, tree, stored, "condition");
    }
}
