package io.lodestar.segmentation.rule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lodestar.contracts.WireNames;

/**
 * The customer's churn risk level ({@code customer_assignment.churn_risk}) is (not) one of some: {@code {"type":
 * "churn_risk", "operator": "in", "levels": ["high"]}}.
 */
public record ChurnRiskCondition(SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChurnRisk> levels) implements Condition {

    public ChurnRiskCondition {
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        levels = operator.checkValues(levels, "levels");
    }

    public static ChurnRiskCondition in(ChurnRisk... levels) {
        return new ChurnRiskCondition(SetOperator.IN, List.of(levels));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(facts.assignment().churnRisk(), levels);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        SqlFragment risk = Wire.assignmentColumn("churn_risk");
        return operator.sql(Wire.names(levels), WireNames.all(ChurnRisk.class),
                names -> SetOperator.columnIn(risk, names, "text"), null);
    }
}
