package io.lodestar.recommendation.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How {@link EvaluationSplit#byTime} cuts the history.
 *
 * <p>Interactions before the cut are training; those from the cut to {@code cut + testDays} (inclusive) are the test
 * period; later ones are ignored, so an evaluation "as of" a past date can be repeated. Without an explicit cut, the cut
 * is {@code testDays} days before the latest interaction, which makes the test period the last {@code testDays} days.
 *
 * @param testDays             length of the test period in days, at least 1
 * @param cut                  the first instant of the test period, or empty for "testDays before the latest interaction"
 * @param excludeTrainingItems whether an item the customer already has a training interaction with is dropped from
 *                             their relevant set (the usual protocol: the evaluation then also drops training items from
 *                             each top-k, so repeats neither help nor hurt); {@code false} keeps repeat purchases relevant
 *                             and lets models earn them
 */
public record TimeSplit(int testDays, Optional<Instant> cut, boolean excludeTrainingItems) {

    public TimeSplit {
        if (testDays < 1) {
            throw new IllegalArgumentException("testDays must be at least 1");
        }
        cut = cut == null ? Optional.empty() : cut;
    }

    /** The last {@code testDays} days are the test period; training items are excluded. */
    public static TimeSplit lastDays(int testDays) {
        return new TimeSplit(testDays, Optional.empty(), true);
    }

    /** The same split with the test period starting at {@code cut}. */
    public TimeSplit from(Instant cut) {
        return new TimeSplit(testDays, Optional.of(cut), excludeTrainingItems);
    }

    /** The same split keeping items the customer already had in training as relevant (repeat purchases count). */
    public TimeSplit keepingRepeats() {
        return new TimeSplit(testDays, cut, false);
    }

    Duration testPeriod() {
        return Duration.ofDays(testDays);
    }
}
