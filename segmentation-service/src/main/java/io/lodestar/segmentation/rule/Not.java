package io.lodestar.segmentation.rule;

import java.util.List;

/**
 * NOT: matches when the child does not. Exact complement in both paths, missing values included, because every
 * condition's SQL is two-valued.
 */
public record Not(Condition child) implements Condition {

    public Not {
        if (child == null) {
            throw new InvalidConditionException("child", "is required");
        }
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return !child.matches(facts, ctx);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return SetOperator.not(child.toSql(ctx));
    }

    @Override
    public List<Condition> operands() {
        return List.of(child);
    }
}
