package io.lodestar.customerprofile.bulkimport;

import java.util.List;
import java.util.Set;

/**
 * Turns a CSV row into a typed record of one import kind, or rejects it with reasons. Holds what both kinds
 * share: the mapping resolved against the header (so a bad mapping fails before any row), the rule that a row
 * has as many fields as the header, and the turning of collected reasons into a {@link RejectedRow}.
 */
public abstract sealed class RowMapper<R extends ImportRecord> permits OrderLineMapper, CustomerRowMapper {

    private final ColumnIndex columns;
    private final TimestampParser timestamps;

    /** Fails with {@link ImportFormatException} if the mapping does not fit the header. */
    RowMapper(ColumnMapping mapping, ImportKind kind, List<String> headers) {
        if (mapping.kind() != kind) {
            throw new IllegalArgumentException("a " + mapping.kind() + " mapping given for " + kind);
        }
        this.columns = mapping.resolve(headers);
        this.timestamps = new TimestampParser(mapping.formats());
    }

    public final Mapped<R> map(CsvRow row) {
        if (row.values().size() != columns.headers().size()) {
            return rejected(row, List.of(new Reason(Reason.ROW, "expected " + columns.headers().size()
                    + " fields as in the header, found " + row.values().size())));
        }
        RowValues values = new RowValues(row, columns, timestamps);
        R record = toRecord(row.lineNumber(), values);
        return values.reasons().isEmpty() ? new Mapped.Accepted<>(record) : rejected(row, values.reasons());
    }

    /** The header the mapper was resolved against (the report repeats it). */
    public final List<String> headers() {
        return columns.headers();
    }

    /** Positions of the columns holding personal data, masked in the report. */
    public final Set<Integer> personalColumns() {
        return columns.personalPositions();
    }

    /** The record of a row of the right width; its value is ignored when {@code values} collected reasons. */
    abstract R toRecord(long line, RowValues values);

    private static <R> Mapped<R> rejected(CsvRow row, List<Reason> reasons) {
        return new Mapped.Rejected<>(new RejectedRow(row.lineNumber(), reasons, row.values()));
    }
}
