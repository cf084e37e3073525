package io.lodestar.segmentation.tag;

import java.util.Objects;

/**
 * A difference between a customer's stored tags and a run's: a new tag ({@code before} null), a changed value, or a
 * tag that no longer applies ({@code after} null).
 */
public record TagChange(String customerId, String name, String before, Tag after) {

    public TagChange {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a value before or after");
        }
    }

    public String afterValue() {
        return after == null ? null : after.value();
    }
}
