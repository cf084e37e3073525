package io.lodestar.customerprofile.bulkimport;

/** Customer ids as imported: spreadsheet exports may write {@code 17850} as {@code 17850.0}. */
final class CustomerIds {

    private CustomerIds() {
    }

    static String normalise(String id, ValueFormats formats) {
        if (id != null && formats.idsMayEndInPointZero() && id.endsWith(".0") && id.length() > 2) {
            return id.substring(0, id.length() - 2);
        }
        return id;
    }
}
