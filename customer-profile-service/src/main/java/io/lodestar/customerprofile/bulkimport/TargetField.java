package io.lodestar.customerprofile.bulkimport;

import java.util.Locale;

/**
 * A field of the imported record that a column mapping can fill, named on the wire (in the mapping and in
 * reasons) by {@link #wireName()}: the constant's name in lower camel case ({@code UNIT_PRICE} →
 * {@code unitPrice}). Implemented by one enum per {@link ImportKind}, so the mappers branch on types rather
 * than strings.
 */
public sealed interface TargetField permits OrderLineField, CustomerField {

    /** The enum constant's name. */
    String name();

    /** Whether a mapping must name a column for it (a row may still leave an optional value blank). */
    boolean required();

    /** The name used in a column mapping, e.g. {@code unitPrice}. */
    default String wireName() {
        StringBuilder camel = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }
}
