package io.lodestar.segmentation.churn;

import java.util.Objects;

/**
 * A churn setting or run request that cannot be run with, known before any data is read (a 400 for the request that
 * starts a run). It names the offending {@link #field() field} so that the API layer can report it as a violation of that
 * field without parsing the message. Problems only the data reveals are {@link ChurnRunException}s.
 */
public final class InvalidChurnConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidChurnConfigException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** Dotted path of the invalid setting (e.g. {@code holdoutCutoff}, {@code training.minPerClass}). */
    public String field() {
        return field;
    }
}
