package io.lodestar.segmentation.rule;

import java.util.List;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;

/**
 * A condition tree that cannot be stored: each violation names a JSON path ({@code condition.children[1].operator})
 * and what is wrong there. An {@link InvalidInputException}, so the platform's problem mapper answers it with 400 and
 * {@code violations[{field, message}]} as it is.
 */
public final class RuleValidationException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public RuleValidationException(List<Problem.Violation> violations) {
        super(requireSome(violations));
    }

    private static List<Problem.Violation> requireSome(List<Problem.Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        return violations;
    }
}
