package io.lodestar.segmentation.rule;

import java.time.Duration;
import java.time.Instant;

/**
 * "Within the last N days" of the evaluation instant, the one window of every time-relative condition (orders and
 * spend in the last days, event counts): the closed interval {@code [asOf − N × 24 h, asOf]}. Both ends are inclusive,
 * so an event exactly N days old counts and one a microsecond older does not; an event after {@code asOf} never counts
 * (it had not happened yet at the evaluation instant). Days are 86,400 s (UTC has no daylight saving). Both bounds are
 * computed here and bound as parameters, so SQL does no interval arithmetic of its own.
 *
 * @param days the length, at least 1
 */
record TimeWindow(int days) {

    /** The longest window a condition may ask for: a hundred years. */
    static final int MAX_DAYS = 36_500;

    TimeWindow {
        checkDays(days, "days");
    }

    static int checkDays(int days, String field) {
        if (days < 1) {
            throw new InvalidConditionException(field, "must be at least 1, was " + days);
        }
        if (days > MAX_DAYS) {
            throw new InvalidConditionException(field, "must be at most " + MAX_DAYS + ", was " + days);
        }
        return days;
    }

    /** The earliest instant inside the window. */
    Instant start(Instant asOf) {
        return asOf.minus(Duration.ofDays(days));
    }

    /** In memory. */
    boolean contains(Instant instant, Instant asOf) {
        return !instant.isBefore(start(asOf)) && !instant.isAfter(asOf);
    }

    /** In SQL: {@code <column> >= $start AND <column> <= $asOf}. */
    SqlFragment sql(String column, SqlContext ctx) {
        return SqlFragment.builder()
                .sql(column).sql(" >= ").param(SqlContext.timestamptz(start(ctx.asOf())), "timestamptz")
                .sql(" AND ").sql(column).sql(" <= ").param(SqlContext.timestamptz(ctx.asOf()), "timestamptz")
                .build();
    }
}
