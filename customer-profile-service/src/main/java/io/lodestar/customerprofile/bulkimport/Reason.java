package io.lodestar.customerprofile.bulkimport;

/**
 * Why a row was not imported.
 *
 * @param field the target field's wire name (e.g. {@code quantity}), or {@code row} for the row as a whole
 */
public record Reason(String field, String message) {

    /** The field of faults of the whole row (wrong number of fields, exact duplicate). */
    public static final String ROW = "row";
}
