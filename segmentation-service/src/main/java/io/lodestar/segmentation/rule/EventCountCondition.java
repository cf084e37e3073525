package io.lodestar.segmentation.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * At least N behaviour events of one type, optionally in one category, within the last D days ({@link TimeWindow}):
 * {@code {"type": "event_count", "behaviour": "product_view", "category": "beauty", "days": 7, "atLeast": 3}}. Counts
 * rows of {@code behaviour_event}; a category compares exactly, and an event without a category never counts for one.
 *
 * @param behaviour the behaviour type
 * @param category  the category, or null for any (including none)
 * @param days      the window, at least 1
 * @param atLeast   the minimum number of events, at least 1
 */
@JsonPropertyOrder({"behaviour", "category", "days", "atLeast"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventCountCondition(BehaviourType behaviour, String category, int days, int atLeast) implements Condition {

    public EventCountCondition {
        if (behaviour == null) {
            throw new InvalidConditionException("behaviour", "is required");
        }
        if (category != null && category.isBlank()) {
            throw new InvalidConditionException("category", "must not be blank; leave it out for any category");
        }
        TimeWindow.checkDays(days, "days");
        if (atLeast < 1) {
            throw new InvalidConditionException("atLeast", "must be at least 1, was " + atLeast);
        }
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        TimeWindow window = new TimeWindow(days);
        long count = facts.events().stream()
                .filter(event -> event.behaviour() == behaviour)
                .filter(event -> category == null || category.equals(event.category()))
                .filter(event -> window.contains(event.occurredAt(), ctx.asOf()))
                .count();
        return count >= atLeast;
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        SqlFragment.Builder sql = SqlFragment.builder()
                .sql("(SELECT count(*) FROM behaviour_event e WHERE e.customer_id = f.customer_id AND e.behaviour = ")
                .param(WireNames.of(behaviour), "text");
        if (category != null) {
            sql.sql(" AND e.category = ").param(category, "text");
        }
        return sql.sql(" AND ").fragment(new TimeWindow(days).sql("e.occurred_at", ctx))
                .sql(") >= ").param(atLeast, "int8").build();
    }
}
