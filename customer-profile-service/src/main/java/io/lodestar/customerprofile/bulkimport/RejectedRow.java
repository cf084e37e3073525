package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/**
 * A row that failed the mapping rules, with every reason found (not only the first), so that the user can
 * fix a row in one go from the downloadable report.
 *
 * @param values the row's cells as read, for the report
 */
public record RejectedRow(long line, List<Reason> reasons, List<String> values) {

    public RejectedRow {
        reasons = List.copyOf(reasons);
        values = List.copyOf(values);
    }
}
