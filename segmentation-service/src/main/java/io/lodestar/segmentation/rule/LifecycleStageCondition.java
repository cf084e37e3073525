package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lodestar.contracts.WireNames;

/**
 * The customer's lifecycle stage ({@code customer_assignment.lifecycle_stage}) is (not) one of some: {@code {"type":
 * "lifecycle_stage", "operator": "in", "stages": ["at_risk", "lapsed"]}}.
 */
public record LifecycleStageCondition(SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LifecycleStage> stages) implements Condition {

    public LifecycleStageCondition {
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        stages = operator.checkValues(stages, "stages");
    }

    public static LifecycleStageCondition in(LifecycleStage... stages) {
        return new LifecycleStageCondition(SetOperator.IN, List.of(stages));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(facts.assignment().lifecycleStage(), stages);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        SqlFragment stage = Wire.assignmentColumn("lifecycle_stage");
        return operator.sql(Wire.names(stages), WireNames.all(LifecycleStage.class),
                names -> SetOperator.columnIn(stage, names, "text"), null);
    }
}
