package io.lodestar.recommendation.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.lodestar.platform.problem.InvalidInputException;

/**
 * The UTC days [from, to] an analytics query covers, validated once for every analytics endpoint: the last 30 days by
 * default, {@code from} not after {@code to}, and at most {@value #MAX_DAYS} days (the longest range the daily
 * aggregates answer in one request).
 */
public record AnalyticsPeriod(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    /** The period of the given bounds (either may be null: defaults), or a 400 naming {@code from}. */
    static AnalyticsPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate until = to == null ? today : to;
        LocalDate since = from == null ? until.minusDays(DEFAULT_DAYS - 1) : from;
        if (since.isAfter(until)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (since.plusDays(MAX_DAYS).isBefore(until)) {
            throw new InvalidInputException("from", "the range is at most " + MAX_DAYS + " days");
        }
        return new AnalyticsPeriod(since, until);
    }

    /** As {@link #of(LocalDate, LocalDate, LocalDate)} from query text, naming the parameter that is not a date. */
    static AnalyticsPeriod parse(String from, String to, LocalDate today) {
        return of(date("from", from), date("to", to), today);
    }

    /** The last {@code days} days up to and including {@code today}. */
    static AnalyticsPeriod lastDays(int days, LocalDate today) {
        return new AnalyticsPeriod(today.minusDays(days - 1L), today);
    }

    /** Number of days, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length that ends the day before this one starts (what growth compares with). */
    public AnalyticsPeriod previous() {
        return new AnalyticsPeriod(from.minusDays(days()), from.minusDays(1));
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date such as 2026-01-31");
        }
    }
}
