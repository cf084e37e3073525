package io.lodestar.customerprofile.bulkimport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mapping resolved against one header: the position of each mapped field, looked up once per file rather
 * than by name on every row.
 */
final class ColumnIndex {

    private final List<String> headers;
    private final Map<TargetField, Integer> positions;

    ColumnIndex(List<String> headers, Map<TargetField, Integer> positions) {
        this.headers = List.copyOf(headers);
        this.positions = Map.copyOf(positions);
    }

    List<String> headers() {
        return headers;
    }

    /** The field's position in a row, or -1 when the mapping leaves it out. */
    int position(TargetField field) {
        return positions.getOrDefault(field, -1);
    }

    /** The source column of a mapped field. */
    String column(TargetField field) {
        return headers.get(positions.get(field));
    }

    /** Positions of the mapped fields holding personal data. */
    Set<Integer> personalPositions() {
        return positions.entrySet().stream()
                .filter(e -> e.getKey() instanceof CustomerField c && c.personal())
                .map(Map.Entry::getValue)
                .collect(Collectors.toUnmodifiableSet());
    }
}
