package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.lodestar.contracts.WireNames;

/**
 * Reads the typed values of one row, collecting a {@link Reason} for each bad cell instead of stopping at the
 * first, so that the report lists everything wrong with a row. Text is trimmed and a blank cell is absent.
 */
final class RowValues {

    private final CsvRow row;
    private final ColumnIndex columns;
    private final TimestampParser timestamps;
    private final List<Reason> reasons = new ArrayList<>(2);

    RowValues(CsvRow row, ColumnIndex columns, TimestampParser timestamps) {
        this.row = row;
        this.columns = columns;
        this.timestamps = timestamps;
    }

    /** The row's reasons so far; empty means valid. */
    List<Reason> reasons() {
        return reasons;
    }

    void reject(TargetField field, String message) {
        reasons.add(new Reason(field.wireName(), message));
    }

    /** Trimmed text, or null when the field is unmapped or the cell blank. */
    String text(TargetField field) {
        int position = columns.position(field);
        if (position < 0) {
            return null;
        }
        String value = row.values().get(position).strip();
        return value.isEmpty() ? null : value;
    }

    /** Text of at most {@code maxLength} characters; longer is a reason. */
    String text(TargetField field, int maxLength) {
        return bounded(field, text(field), maxLength);
    }

    /** Text that must be present (the field is always mapped: the mapping was validated). */
    String required(TargetField field, int maxLength) {
        String value = text(field);
        if (value == null) {
            reject(field, "column '" + columns.column(field) + "' is required but blank");
            return null;
        }
        return bounded(field, value, maxLength);
    }

    private String bounded(TargetField field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            reject(field, cell(field) + " is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    Integer wholeNumber(TargetField field, String text) {
        return parse(field, text, Integer::valueOf, "a whole number");
    }

    BigDecimal decimal(TargetField field, String text) {
        return parse(field, text, BigDecimal::new, "a decimal number");
    }

    Instant instant(TargetField field, String text) {
        return parse(field, text, timestamps::parse, "a date-time in the expected format");
    }

    LocalDate date(TargetField field, String text) {
        return parse(field, text, LocalDate::parse, "an ISO date (yyyy-MM-dd)");
    }

    /** The parsed value, or null (with a reason "… is not {@code expected}" when the text does not parse). */
    private <T> T parse(TargetField field, String text, Function<String, T> parser, String expected) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            reject(field, cell(field) + " is not " + expected);
            return null;
        }
    }

    /** A contract enum by its wire name, case-insensitively. */
    <E extends Enum<E>> E wireEnum(TargetField field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return WireNames.parse(type, text.toLowerCase(Locale.ROOT)).orElseGet(() -> {
            reject(field, cell(field) + " is not one of " + WireNames.all(type));
            return null;
        });
    }

    /** How a reason names the cell: its column and value (masked for personal data, cut when long). */
    String cell(TargetField field) {
        String value = row.values().get(columns.position(field)).strip();
        String shown = field instanceof CustomerField c && c.personal() ? "***"
                : value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "column '" + columns.column(field) + "' value \"" + shown + "\"";
    }
}
