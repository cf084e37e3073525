package io.lodestar.segmentation.rule;

import java.util.List;

/** AND: matches when every child matches. */
public record All(List<Condition> children) implements Condition {

    public All {
        children = Groups.checkChildren(children);
    }

    public static All of(Condition... children) {
        return new All(List.of(children));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        for (Condition child : children) {
            if (!child.matches(facts, ctx)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return SqlFragment.join(" AND ", children.stream().map(child -> child.toSql(ctx)).toList());
    }

    @Override
    public List<Condition> operands() {
        return children;
    }
}
