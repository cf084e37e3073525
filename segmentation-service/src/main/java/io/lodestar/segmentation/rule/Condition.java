package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A node of a rule segment's condition tree: a group ({@link All}, {@link Any}, {@link Not}) or a leaf. On the wire and
 * in JSONB each node is an object whose {@code type} names its kind ({@code "all"}, {@code "feature"}, …), described by
 * {@code rules/rule-condition.schema.json} and read through {@link ConditionCodec}.
 *
 * <p>Every kind evaluates itself twice, in the same class (CONVENTIONS 14): {@link #matches} for one customer in memory
 * and {@link #toSql} for the whole population in PostgreSQL. The two must select the same customers for the same
 * instant; the rules that make them agree (missing values, windows, rounding) are in {@code package-info.java}.
 *
 * <p>Records are checked when built (an {@link InvalidConditionException} names the bad property), so every tree that
 * exists is well-formed; references to other segments are checked against the stored ones by {@link SegmentReferences}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = All.class, name = "all"),
        @JsonSubTypes.Type(value = Any.class, name = "any"),
        @JsonSubTypes.Type(value = Not.class, name = "not"),
        @JsonSubTypes.Type(value = AttributeCondition.class, name = "attribute"),
        @JsonSubTypes.Type(value = FeatureCondition.class, name = "feature"),
        @JsonSubTypes.Type(value = PreferredChannelCondition.class, name = "preferred_channel"),
        @JsonSubTypes.Type(value = TopCategoryCondition.class, name = "top_category"),
        @JsonSubTypes.Type(value = RfmCondition.class, name = "rfm"),
        @JsonSubTypes.Type(value = ClusterCondition.class, name = "cluster"),
        @JsonSubTypes.Type(value = LifecycleStageCondition.class, name = "lifecycle_stage"),
        @JsonSubTypes.Type(value = ChurnRiskCondition.class, name = "churn_risk"),
        @JsonSubTypes.Type(value = ChurnProbabilityCondition.class, name = "churn_probability"),
        @JsonSubTypes.Type(value = EventCountCondition.class, name = "event_count"),
        @JsonSubTypes.Type(value = SegmentReference.class, name = "segment")
})
public sealed interface Condition permits All, Any, Not, AttributeCondition, FeatureCondition, PreferredChannelCondition,
        TopCategoryCondition, RfmCondition, ClusterCondition, LifecycleStageCondition, ChurnRiskCondition,
        ChurnProbabilityCondition, EventCountCondition, SegmentReference {

    /** In memory: whether the customer matches as of {@code ctx.asOf()}. */
    boolean matches(CustomerFacts facts, EvaluationContext ctx);

    /**
     * In SQL: a boolean expression over {@code customer_feature_view f} that is TRUE for exactly the customers
     * {@link #matches} accepts, and never NULL (so that {@code NOT} and {@code OR} of it behave as in Java). Every value
     * is a bind parameter.
     */
    SqlFragment toSql(SqlContext ctx);

    /** The direct sub-conditions of a group; empty for a leaf. */
    default List<Condition> operands() {
        return List.of();
    }
}
