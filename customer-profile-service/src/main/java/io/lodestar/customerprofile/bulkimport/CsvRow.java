package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/**
 * One CSV record as read, before any mapping: values are exactly the file's cells (quotes removed), so that a
 * rejected row can be reported as the user wrote it.
 *
 * @param lineNumber the physical line the record starts on (1 is the header; a quoted newline makes a record
 *                   span several lines)
 */
public record CsvRow(long lineNumber, List<String> values) {

    public CsvRow {
        values = List.copyOf(values);
    }
}
