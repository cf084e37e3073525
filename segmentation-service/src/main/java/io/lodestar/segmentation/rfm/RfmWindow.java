package io.lodestar.segmentation.rfm;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Which paid orders count for frequency and monetary: the whole history (the Glossary's default) or a trailing calendar
 * period ending at {@code asOf} (the threshold template's "6 months"). The caller aggregates {@link RfmInput} over it; the
 * scorer uses it to tell customers who paid only before the window from those who never paid, and to reject inputs that
 * contradict it.
 */
public sealed interface RfmWindow permits RfmWindow.WholeHistory, RfmWindow.Trailing {

    /** Every paid order up to {@code asOf} counts. */
    static RfmWindow wholeHistory() {
        return new WholeHistory();
    }

    /** Only paid orders in {@code [asOf − length, asOf]} count, the period subtracted on the UTC calendar. */
    static RfmWindow trailing(Period length) {
        return new Trailing(length);
    }

    /** The first instant inside the window (inclusive), or empty when the window is the whole history. */
    Optional<Instant> start(Instant asOf);

    /** The whole history: no lower bound. */
    record WholeHistory() implements RfmWindow {
        @Override
        public Optional<Instant> start(Instant asOf) {
            return Optional.empty();
        }
    }

    /**
     * A trailing period; calendar units (months, years) so that "6 months" means what operators mean.
     *
     * @param length positive: not zero and no negative part
     */
    record Trailing(Period length) implements RfmWindow {
        public Trailing {
            if (length == null) {
                throw new InvalidRfmModelException("window", "length must be given");
            }
            if (length.isZero() || length.isNegative()) { // isNegative: any of years, months, days below zero
                throw new InvalidRfmModelException("window", "length must be positive, was " + length);
            }
        }

        @Override
        public Optional<Instant> start(Instant asOf) {
            Objects.requireNonNull(asOf, "asOf");
            return Optional.of(asOf.atOffset(ZoneOffset.UTC).minus(length).toInstant());
        }
    }
}
