package io.lodestar.segmentation.rule;

import java.util.Objects;

/**
 * A condition record refused its arguments (a {@code between} whose min exceeds its max, a fractional order count).
 * Thrown by the records' constructors, so that no invalid tree exists however it was built; {@link ConditionCodec}
 * turns it into a {@link RuleValidationException} naming the full JSON path.
 */
public final class InvalidConditionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the offending property of the condition, relative to it ({@code max}, {@code values[1]})
     * @param problem what is wrong, phrased to follow the field's name
     */
    public InvalidConditionException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
