package io.lodestar.segmentation.rfm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a customer gets no RFM score. RFM describes buying behaviour, so a customer needs a paid order in the window to be
 * scored; without one there is no recency to measure, and counting them would drag every mean and quintile towards zero.
 */
public enum UnscoredReason {
    /** No paid order at all: a prospect, for lifecycle rules rather than value tiers. */
    @JsonProperty("never-paid") NEVER_PAID,
    /** Paid before, but not inside the model's window. */
    @JsonProperty("no-paid-order-in-window") NO_PAID_ORDER_IN_WINDOW
}
