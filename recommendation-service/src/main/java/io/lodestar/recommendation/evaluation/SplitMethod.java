package io.lodestar.recommendation.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an evaluation separates what models learn from what they are judged on. */
public enum SplitMethod {

    /** The last {@code testDays} days are the test period ({@link EvaluationSplit#byTime}). */
    TIME("time"),
    /** Each customer's latest positive interaction is held out ({@link EvaluationSplit#leaveLastOut}). */
    LEAVE_LAST_OUT("leave-last-out");

    private final String wire;

    SplitMethod(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The method named {@code wire}; {@link IllegalArgumentException} (a 400 naming the field) for any other name. */
    @JsonCreator
    public static SplitMethod ofWire(String wire) {
        for (SplitMethod method : values()) {
            if (method.wire.equals(wire)) {
                return method;
            }
        }
        throw new IllegalArgumentException("must be time or leave-last-out");
    }
}
