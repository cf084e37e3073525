package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/** What every imported record offers the cleaning steps. */
public sealed interface ImportRecord permits OrderLineRecord, CustomerRecord {

    /** The line of the file the record comes from. */
    long line();

    /**
     * Every mapped value in a canonical text form (trimmed, numbers without trailing zeros, instants in UTC),
     * in a fixed order: two rows are exact duplicates when these are equal. Derived values (the line, flags,
     * an imputed age) are left out.
     */
    List<String> normalisedValues();
}
