package io.lodestar.segmentation.churn;

import java.util.Objects;

/**
 * A churn run that the data cannot support, with a typed {@link #failure() reason} and the {@link #phase() phase} it
 * stopped in, so a job can record "failed in training: too_few_positives" next to the human message.
 */
public final class ChurnRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ChurnRunFailure failure;
    private final ChurnPhase phase;

    public ChurnRunException(ChurnRunFailure failure, ChurnPhase phase, String message) {
        this(failure, phase, message, null);
    }

    public ChurnRunException(ChurnRunFailure failure, ChurnPhase phase, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.phase = Objects.requireNonNull(phase, "phase");
    }

    public ChurnRunFailure failure() {
        return failure;
    }

    public ChurnPhase phase() {
        return phase;
    }
}
