package io.lodestar.customerprofile.bulkimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which source column fills which target field, as the uploader declared it (or {@link #onlineRetail()}), and
 * how the cells are written. Checked against the file's header before any row is read, so that a wrong
 * mapping is one 400 naming the field instead of half a million rejected rows.
 *
 * @param columns target field wire name → source column name, exactly as in the header
 */
public record ColumnMapping(ImportKind kind, Map<String, String> columns, ValueFormats formats) {

    public ColumnMapping {
        Objects.requireNonNull(kind, "kind");
        columns = Map.copyOf(columns);
        Objects.requireNonNull(formats, "formats");
    }

    /** A mapping with ISO-8601 timestamps. */
    public ColumnMapping(ImportKind kind, Map<String, String> columns) {
        this(kind, columns, ValueFormats.ISO);
    }

    /**
     * The built-in mapping of the UCI Online Retail layout
     * ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}).
     */
    public static ColumnMapping onlineRetail() {
        return new ColumnMapping(ImportKind.ORDER_LINES, Map.of(
                "orderId", "InvoiceNo",
                "itemId", "StockCode",
                "title", "Description",
                "quantity", "Quantity",
                "occurredAt", "InvoiceDate",
                "unitPrice", "UnitPrice",
                "customerId", "CustomerID",
                "country", "Country"), ValueFormats.ONLINE_RETAIL);
    }

    /**
     * Fails on the first fault, in this order: a target field unknown to the kind (field {@code mapping}); then,
     * field by field in {@link ImportKind#fields()} order, a required field without a column, a column not in
     * the header, or a column the header holds twice (field {@code mapping.<targetField>}).
     */
    public void validate(List<String> headers) {
        resolve(headers);
    }

    /** Validates and returns where each mapped field sits in a row. */
    ColumnIndex resolve(List<String> headers) {
        List<String> known = kind.fields().stream().map(TargetField::wireName).toList();
        for (String target : columns.keySet().stream().sorted().toList()) {
            if (!known.contains(target)) {
                throw new ImportFormatException("mapping", 1, "unknown target field '" + target + "' for "
                        + kind + " (known: " + String.join(", ", known) + ")");
            }
        }
        Map<TargetField, Integer> positions = new HashMap<>();
        for (TargetField field : kind.fields()) {
            String column = columns.get(field.wireName());
            if (column == null) {
                if (field.required()) {
                    throw new ImportFormatException("mapping." + field.wireName(), 1,
                            "required field has no column in the mapping");
                }
                continue;
            }
            int position = headers.indexOf(column);
            if (position < 0) {
                throw new ImportFormatException("mapping." + field.wireName(), 1, "column '" + column
                        + "' is not in the file's header (found: " + quoted(headers) + ")");
            }
            if (headers.lastIndexOf(column) != position) {
                throw new ImportFormatException("mapping." + field.wireName(), 1,
                        "column '" + column + "' appears more than once in the header");
            }
            positions.put(field, position);
        }
        return new ColumnIndex(headers, positions);
    }

    private static String quoted(List<String> headers) {
        return headers.stream().limit(50).map(h -> "'" + h + "'").collect(Collectors.joining(", "))
                + (headers.size() > 50 ? ", …" : "");
    }
}
