package io.lodestar.segmentation.rule;

import java.util.List;

/** OR: matches when at least one child matches. */
public record Any(List<Condition> children) implements Condition {

    public Any {
        children = Groups.checkChildren(children);
    }

    public static Any of(Condition... children) {
        return new Any(List.of(children));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        for (Condition child : children) {
            if (child.matches(facts, ctx)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return SqlFragment.join(" OR ", children.stream().map(child -> child.toSql(ctx)).toList());
    }

    @Override
    public List<Condition> operands() {
        return children;
    }
}
