package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.lodestar.contracts.customer.AgeBand;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;

/**
 * Turns the analytics query parameters, received as text, into typed queries; every malformed parameter is reported
 * at once, each by its name ({@link InvalidInputException}, 400). Pure: the caller passes the current instant.
 */
final class AnalyticsParameters {

    /** The age band of customers without a birth date (or born after {@code asOf}). */
    static final String UNKNOWN_AGE_BAND = "unknown";
    /** The percent points of the Lorenz table when none are asked for. */
    static final List<BigDecimal> DEFAULT_POINTS = Stream.of(1, 5, 10, 15, 20, 30, 50, 80, 100)
            .map(BigDecimal::valueOf).toList();
    /** The revenue shares whose smallest customer share is reported (the seed's "15% of customers bring 50%"). */
    static final List<BigDecimal> REVENUE_THRESHOLDS = List.of(BigDecimal.valueOf(50), BigDecimal.valueOf(80));
    static final int DEFAULT_PERIODS = 12;
    static final int MAX_PERIODS = 36;
    static final int MAX_WINDOW_DAYS = 36_500;
    static final int MAX_POINTS = 100;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{1,4})?");

    private AnalyticsParameters() {
    }

    /**
     * @param windowStart {@code asOf} minus {@code windowDays} whole days, or null for the whole history
     * @param points      distinct, ascending
     */
    record ConcentrationQuery(Instant asOf, Integer windowDays, Instant windowStart, List<BigDecimal> points) {
    }

    /** @param ageBand an {@link AgeBand} label, {@link #UNKNOWN_AGE_BAND}, or null for all */
    record CycleQuery(Instant asOf, String category, String ageBand) {
    }

    record CohortQuery(YearMonth from, YearMonth to, int periods) {
    }

    static ConcentrationQuery concentration(ValueConcentrationRequest request, Instant now) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant asOf = instant("asOf", request.asOf(), now, violations);
        Integer windowDays = integer("windowDays", request.windowDays(), 1, MAX_WINDOW_DAYS,
                "must be a whole number of days from 1 to " + MAX_WINDOW_DAYS, violations);
        List<BigDecimal> points = points(request.points(), violations);
        failOn(violations);
        Instant start = windowDays == null ? null : asOf.minus(Duration.ofDays(windowDays));
        return new ConcentrationQuery(asOf, windowDays, start, points);
    }

    static CycleQuery cycle(RepurchaseCycleRequest request, Instant now) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant asOf = instant("asOf", request.asOf(), now, violations);
        String category = request.category();
        if (category != null && category.isBlank()) {
            violations.add(new Problem.Violation("category", "must not be blank"));
        }
        String ageBand = request.ageBand();
        if (ageBand != null && !UNKNOWN_AGE_BAND.equals(ageBand) && AgeBand.parse(ageBand).isEmpty()) {
            violations.add(new Problem.Violation("ageBand", "must be one of " + ageBandLabels()));
        }
        failOn(violations);
        return new CycleQuery(asOf, category, ageBand);
    }

    static CohortQuery cohorts(CohortRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        YearMonth from = month("from", request.from(), violations);
        YearMonth to = month("to", request.to(), violations);
        Integer periods = integer("periods", request.periods(), 1, MAX_PERIODS,
                "must be a whole number from 1 to " + MAX_PERIODS, violations);
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new Problem.Violation("from", "must not be after to (" + to + ")"));
        }
        failOn(violations);
        return new CohortQuery(from, to, periods == null ? DEFAULT_PERIODS : periods);
    }

    /** The age band labels in output order: the contract's bands, then {@link #UNKNOWN_AGE_BAND}. */
    static List<String> ageBandLabels() {
        List<String> labels = new ArrayList<>(AgeBand.labels());
        labels.add(UNKNOWN_AGE_BAND);
        return List.copyOf(labels);
    }

    private static Instant instant(String field, String value, Instant absent, List<Problem.Violation> violations) {
        if (value == null) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return absent;
        }
    }

    private static Integer integer(String field, String value, int min, int max, String message,
                                   List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (!INTEGER.matcher(trimmed).matches()) {
            violations.add(new Problem.Violation(field, message));
            return null;
        }
        int parsed = Integer.parseInt(trimmed);
        if (parsed < min || parsed > max) {
            violations.add(new Problem.Violation(field, message));
            return null;
        }
        return parsed;
    }

    private static List<BigDecimal> points(List<String> values, List<Problem.Violation> violations) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_POINTS;
        }
        TreeSet<BigDecimal> points = new TreeSet<>(); // compareTo: 10 and 10.0 are one point
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String trimmed = part.trim();
                BigDecimal point = DECIMAL.matcher(trimmed).matches() ? new BigDecimal(trimmed) : null;
                if (point == null || point.signum() <= 0 || point.compareTo(HUNDRED) > 0) {
                    violations.add(new Problem.Violation("points",
                            "must be percentages above 0 and at most 100 (up to 4 decimals), separated by commas"));
                    return DEFAULT_POINTS;
                }
                points.add(point);
            }
        }
        if (points.size() > MAX_POINTS) {
            violations.add(new Problem.Violation("points", "must be at most " + MAX_POINTS + " percentages"));
            return DEFAULT_POINTS;
        }
        return List.copyOf(points);
    }

    private static YearMonth month(String field, String value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            if (MONTH.matcher(value).matches()) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Problem.Violation(field, "must be a month YYYY-MM such as 2026-01"));
        return null;
    }

    private static void failOn(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
