package io.lodestar.segmentation.rfm;

import java.util.Objects;

/** A customer left out of the scored population, and why; reported so that callers can tell it from a missing one. */
public record UnscoredCustomer(String customerId, UnscoredReason reason) {

    public UnscoredCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
    }
}
