package io.lodestar.segmentation.rule;

import java.util.List;

import io.lodestar.contracts.WireNames;

/** Wire names of enum values, as the database columns hold them. */
final class Wire {

    private Wire() {
    }

    static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().<String>map(WireNames::of).toList();
    }

    /** {@code (SELECT a.<column> FROM customer_assignment a WHERE a.customer_id = f.customer_id)}. */
    static SqlFragment assignmentColumn(String column) {
        return SqlFragment.sql("(SELECT a." + column
                + " FROM customer_assignment a WHERE a.customer_id = f.customer_id)");
    }
}
