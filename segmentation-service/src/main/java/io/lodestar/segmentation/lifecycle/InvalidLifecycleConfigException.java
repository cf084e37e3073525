package io.lodestar.segmentation.lifecycle;

import java.util.Objects;

/**
 * A lifecycle setting that cannot be classified with. It names the offending {@link #field() field} so that the API layer
 * can report it as a violation of that field without parsing the message.
 */
public final class InvalidLifecycleConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidLifecycleConfigException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** Name of the invalid setting (e.g. {@code lapsedAfterDays}). */
    public String field() {
        return field;
    }
}
