package io.lodestar.segmentation.rule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The category the customer spent most on ({@code customer_feature_view.top_category}) is (not) one of some:
 * {@code {"type": "top_category", "operator": "in", "categories": ["beauty", "skincare"]}}. Categories are free text,
 * compared exactly; missing for a customer without categorised spend.
 */
public record TopCategoryCondition(SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> categories) implements Condition {

    public TopCategoryCondition {
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        categories = operator.checkValues(categories, "categories");
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).isBlank()) {
                throw new InvalidConditionException("categories[" + i + "]", "must not be blank");
            }
        }
    }

    public static TopCategoryCondition in(String... categories) {
        return new TopCategoryCondition(SetOperator.IN, List.of(categories));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(facts.features().topCategory(), categories);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        SqlFragment column = SqlFragment.sql("f.top_category");
        return operator.sql(categories, null, names -> SetOperator.columnIn(column, names, "text"),
                SetOperator.isNotNull(column));
    }
}
