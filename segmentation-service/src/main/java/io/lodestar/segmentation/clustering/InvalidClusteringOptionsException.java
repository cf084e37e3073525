package io.lodestar.segmentation.clustering;

import java.util.Objects;

/**
 * A clustering setting that a run cannot be made with. It names the offending {@link #field() field} of
 * {@link ClusteringOptions} so that the API layer can report it as a violation of that field without parsing the message.
 */
public final class InvalidClusteringOptionsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidClusteringOptionsException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** Name of the invalid {@link ClusteringOptions} component (e.g. {@code maxK}). */
    public String field() {
        return field;
    }
}
