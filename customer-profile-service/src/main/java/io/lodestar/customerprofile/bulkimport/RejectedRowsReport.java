package io.lodestar.customerprofile.bulkimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the downloadable report of the rows that were not imported, as CSV: {@code line,field,reason} and then
 * the row's original cells under the file's own header, one report line per reason (a row with two faults
 * appears twice), so the user can filter by field and fix the source. Dropped duplicates are listed too
 * (field {@code row}), as the decision is the user's to check, and so are accepted rows whose write was refused
 * (reason {@code not written: …}).
 * <p>
 * Because the report is a file that leaves the system: cells of personal-data columns (phone, e-mail) are
 * masked, and a cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a CR,
 * and not a number) is prefixed with {@code '}.
 */
public final class RejectedRowsReport {

    private static final String MASK = "***";

    private final Writer out;
    private final Set<Integer> maskedColumns;
    private long lines;

    /** Writes the report's header at once. */
    public RejectedRowsReport(Writer out, RowMapper<?> mapper) {
        this.out = out;
        this.maskedColumns = mapper.personalColumns();
        List<String> header = new ArrayList<>(List.of("line", "field", "reason"));
        header.addAll(mapper.headers());
        writeLine(header);
    }

    public void rejected(RejectedRow row) {
        for (Reason reason : row.reasons()) {
            write(row.line(), reason.field(), reason.message(), row.values());
        }
    }

    public void dropped(DroppedDuplicate row) {
        write(row.line(), Reason.ROW, "exact duplicate of line " + row.firstLine() + " (dropped)", row.values());
    }

    /** An accepted row that became no record (its write was refused), with the reason. */
    public void notWritten(long line, String field, String reason, List<String> values) {
        write(line, field, "not written: " + reason, values);
    }

    /** Report lines written so far, without the header. */
    public long lines() {
        return lines;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(long line, String field, String reason, List<String> values) {
        List<String> cells = new ArrayList<>(values.size() + 3);
        cells.add(Long.toString(line));
        cells.add(field);
        cells.add(reason);
        for (int i = 0; i < values.size(); i++) {
            cells.add(maskedColumns.contains(i) && !values.get(i).isBlank() ? MASK : values.get(i));
        }
        writeLine(cells);
        lines++;
    }

    private void writeLine(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting, after defusing spreadsheet formulas. */
    static String escape(String cell) {
        String safe = looksLikeFormula(cell) ? "'" + cell : cell;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean looksLikeFormula(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0) {
            return false;
        }
        try {
            new BigDecimal(cell);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
