package io.lodestar.segmentation.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Histories and the classifier shared by the lifecycle tests. */
final class LifecycleFixtures {

    static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

    static final LifecycleClassifier CLASSIFIER = new LifecycleClassifier();

    /** A cut that flags nobody: classification tests that are not about high potential use it. */
    static final HighPotentialCut NO_BUYERS = new HighPotentialCut(Optional.empty(), 0, 10);

    private LifecycleFixtures() {
    }

    static Instant daysAgo(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    /** A history with orders the given whole days before {@link #AS_OF} and a first order value of 100. */
    static OrderHistory ordersDaysAgo(String id, long... daysAgo) {
        List<Instant> times = new ArrayList<>();
        for (long days : daysAgo) {
            times.add(daysAgo(days));
        }
        return new OrderHistory(id, times, new BigDecimal("100"));
    }

    static OrderHistory ordersAt(String id, Instant... times) {
        return new OrderHistory(id, List.of(times), new BigDecimal("100"));
    }

    static OrderHistory firstOrderWorth(String id, String value) {
        return new OrderHistory(id, List.of(daysAgo(40)), new BigDecimal(value));
    }

    static LifecycleAssessment classify(OrderHistory history) {
        return CLASSIFIER.classify(history, AS_OF, NO_BUYERS);
    }
}
