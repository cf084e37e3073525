package io.lodestar.customerprofile.bulkimport;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one uploaded file holds; decides the target fields a mapping may use. */
public enum ImportKind {
    @JsonProperty("customers") CUSTOMERS(List.of(CustomerField.values())),
    @JsonProperty("order_lines") ORDER_LINES(List.of(OrderLineField.values()));

    private final List<TargetField> fields;

    ImportKind(List<TargetField> fields) {
        this.fields = fields;
    }

    /** The target fields of this kind, in a fixed order (the order mapping faults are reported in). */
    public List<TargetField> fields() {
        return fields;
    }
}
