package io.lodestar.platform.problem;

import java.util.List;

/**
 * Thrown by a service for input that Bean Validation cannot express (a rule across fields, an unknown
 * reference); answered with 400 and the same {@code violations} shape as a constraint violation.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public InvalidInputException(List<Problem.Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
