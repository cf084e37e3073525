package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/**
 * A valid row dropped because an earlier row of the same import has the same values in every mapped field;
 * kept as a decision for the report rather than silently discarded.
 *
 * @param firstLine the line of the row it repeats
 * @param values    the row's cells as read
 */
public record DroppedDuplicate(long line, long firstLine, List<String> values) {

    public DroppedDuplicate {
        values = List.copyOf(values);
    }
}
