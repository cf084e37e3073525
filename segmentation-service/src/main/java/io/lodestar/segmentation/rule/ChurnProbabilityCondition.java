package io.lodestar.segmentation.rule;

import java.math.BigDecimal;

/**
 * The customer's predicted churn probability ({@code customer_assignment.churn_probability}) is at least a threshold:
 * {@code {"type": "churn_probability", "atLeast": 0.7}}. The column is a {@code double precision}, so both paths compare
 * as doubles (the threshold converted once, {@code 0.7} being the same double in Java and PostgreSQL); a customer
 * without a prediction does not match.
 *
 * @param atLeast between 0 and 1 inclusive
 */
public record ChurnProbabilityCondition(BigDecimal atLeast) implements Condition {

    public ChurnProbabilityCondition {
        if (atLeast == null) {
            throw new InvalidConditionException("atLeast", "is required");
        }
        if (atLeast.signum() < 0 || atLeast.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidConditionException("atLeast", "must be between 0 and 1, was " + atLeast.toPlainString());
        }
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        Double probability = facts.assignment().churnProbability();
        return probability != null && probability >= atLeast.doubleValue();
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return SqlFragment.builder().sql("COALESCE(").fragment(Wire.assignmentColumn("churn_probability"))
                .sql(" >= ").param(atLeast.doubleValue(), "float8").sql(", FALSE)").build();
    }
}
