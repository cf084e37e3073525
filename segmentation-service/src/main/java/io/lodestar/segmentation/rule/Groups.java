package io.lodestar.segmentation.rule;

import java.util.List;

/** Checks shared by {@link All} and {@link Any}. */
final class Groups {

    private Groups() {
    }

    static List<Condition> checkChildren(List<Condition> children) {
        if (children == null || children.isEmpty()) {
            throw new InvalidConditionException("children", "must hold at least one condition");
        }
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) == null) {
                throw new InvalidConditionException("children[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(children);
    }
}
