package io.lodestar.segmentation.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;

/**
 * Turns the query parameters of the traffic, funnel, paths and heatmap endpoints, received as text, into typed queries;
 * every malformed parameter is reported at once, each by its name ({@link InvalidInputException}, 400). Periods are
 * whole UTC days {@code from..to} (inclusive), at most the retention long and not starting before it. Pure: the caller
 * passes today's UTC date and the retention.
 */
final class TrafficParameters {

    static final int DEFAULT_DAYS = 30;
    /** The metrics of {@code GET /analytics/traffic}, in output order. */
    static final List<String> METRICS = List.of("pageViews", "interactions", "uniqueVisitors", "newVisitors",
            "newVisitorShare", "returningVisitors", "returningVisitorRate");

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    enum Granularity {
        DAY, WEEK, MONTH;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Period(LocalDate from, LocalDate to) {
    }

    record TrafficQuery(Period period, Granularity granularity, Channel channel, Set<String> metrics) {
    }

    record FunnelQuery(Period period, Channel channel, String category) {
    }

    /** @param tag the segment's tag name and {@code value} its value ({@code lifecycle=active}); null for everyone */
    record HeatmapQuery(Period period, Channel channel, String tag, String value) {
    }

    private TrafficParameters() {
    }

    static TrafficQuery traffic(TrafficRequest request, LocalDate today, int retentionDays) {
        List<Problem.Violation> violations = new ArrayList<>();
        Period period = period(request.from(), request.to(), today, retentionDays, violations);
        Granularity granularity = granularity(request.granularity(), violations);
        Channel channel = channel(request.channel(), violations);
        Set<String> metrics = metrics(request.metrics(), violations);
        failOn(violations);
        return new TrafficQuery(period, granularity, channel, metrics);
    }

    static FunnelQuery funnel(FunnelRequest request, LocalDate today, int retentionDays) {
        List<Problem.Violation> violations = new ArrayList<>();
        Period period = period(request.from(), request.to(), today, retentionDays, violations);
        Channel channel = channel(request.channel(), violations);
        String category = request.category();
        if (category != null && category.isBlank()) {
            violations.add(new Problem.Violation("category", "must not be blank"));
        }
        failOn(violations);
        return new FunnelQuery(period, channel, category);
    }

    static Period paths(String from, String to, LocalDate today, int retentionDays) {
        List<Problem.Violation> violations = new ArrayList<>();
        Period period = period(from, to, today, retentionDays, violations);
        failOn(violations);
        return period;
    }

    static HeatmapQuery heatmap(HeatmapRequest request, LocalDate today, int retentionDays) {
        List<Problem.Violation> violations = new ArrayList<>();
        Period period = period(request.from(), request.to(), today, retentionDays, violations);
        Channel channel = channel(request.channel(), violations);
        String tag = null;
        String value = null;
        if (request.segment() != null) {
            int equals = request.segment().indexOf('=');
            if (equals <= 0 || equals == request.segment().length() - 1 || request.segment().isBlank()) {
                violations.add(new Problem.Violation("segment",
                        "must be a segment tag and its value, such as lifecycle=active or rfm:default=important-value"));
            } else {
                tag = request.segment().substring(0, equals).trim();
                value = request.segment().substring(equals + 1).trim();
            }
        }
        failOn(violations);
        return new HeatmapQuery(period, channel, tag, value);
    }

    private static Period period(String fromText, String toText, LocalDate today, int retentionDays,
                                 List<Problem.Violation> violations) {
        int before = violations.size();
        LocalDate to = day("to", toText, violations);
        LocalDate from = day("from", fromText, violations);
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1L);
        }
        if (violations.size() == before) { // both days readable (or absent)
            LocalDate earliest = today.minusDays(retentionDays - 1L);
            if (from.isAfter(to)) {
                violations.add(new Problem.Violation("from", "must not be after to (" + to + ")"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > retentionDays) {
                violations.add(new Problem.Violation("from", "the period must span at most " + retentionDays
                        + " days (the retention)"));
            } else if (from.isBefore(earliest)) {
                violations.add(new Problem.Violation("from", "must not be before " + earliest + " (the retention is "
                        + retentionDays + " days)"));
            }
        }
        return new Period(from, to);
    }

    private static LocalDate day(String field, String value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            if (DAY.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Problem.Violation(field, "must be a UTC date YYYY-MM-DD such as 2026-01-31"));
        return null;
    }

    private static Granularity granularity(String value, List<Problem.Violation> violations) {
        if (value == null) {
            return Granularity.DAY;
        }
        for (Granularity granularity : Granularity.values()) {
            if (granularity.wireName().equals(value)) {
                return granularity;
            }
        }
        violations.add(new Problem.Violation("granularity", "must be one of day, week, month"));
        return Granularity.DAY;
    }

    private static Channel channel(String value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        return WireNames.parse(Channel.class, value).orElseGet(() -> {
            violations.add(new Problem.Violation("channel", "must be one of " + String.join(", ",
                    WireNames.all(Channel.class))));
            return null;
        });
    }

    private static Set<String> metrics(List<String> values, List<Problem.Violation> violations) {
        if (values == null || values.isEmpty()) {
            return new LinkedHashSet<>(METRICS);
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String value : values) {
            Arrays.stream(value.split(",", -1)).map(String::trim).forEach(asked::add);
        }
        if (!METRICS.containsAll(asked)) {
            violations.add(new Problem.Violation("metrics", "must be among " + String.join(", ", METRICS)));
            return new LinkedHashSet<>(METRICS);
        }
        Set<String> ordered = new LinkedHashSet<>();
        METRICS.stream().filter(asked::contains).forEach(ordered::add);
        return ordered;
    }

    private static void failOn(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
