package io.lodestar.segmentation.rfm;

import java.util.Objects;

/**
 * An RFM model setting that cannot be scored with. It names the offending {@link #field() field} (a dotted path such as
 * {@code recency.score3MaxDays}) so that the API layer can report it as a violation of that field without parsing the message.
 */
public final class InvalidRfmModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRfmModelException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** Dotted path of the invalid setting, relative to the model (e.g. {@code frequency.score4MinOrders}). */
    public String field() {
        return field;
    }
}
