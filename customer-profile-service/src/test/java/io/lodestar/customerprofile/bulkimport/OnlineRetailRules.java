package io.lodestar.customerprofile.bulkimport;

import io.lodestar.testkit.datasets.OnlineRetailRow;

/**
 * The import's documented rules for Online Retail rows, written out by hand for the data-set tests, which check the
 * import against them (see {@link OrderLineMapper} and {@link ExactDuplicateFilter}).
 */
final class OnlineRetailRules {

    private OnlineRetailRules() {
    }

    /** Rejected: a quantity that is neither a sale (positive) nor a cancellation (negative), or a negative price. */
    static boolean rejected(OnlineRetailRow row) {
        return (row.isCancellation() ? row.quantity() >= 0 : row.quantity() <= 0) || row.unitPrice().signum() < 0;
    }

    /** Two rows with the same key are exact duplicates: every mapped value, as normalised, is equal. */
    static String duplicateKey(OnlineRetailRow row) {
        return String.join("\u0001", row.invoiceNo().strip(), row.stockCode().strip(), row.description().strip(),
                Integer.toString(row.quantity()), row.unitPrice().stripTrailingZeros().toPlainString(),
                row.invoiceDate().toString(), String.valueOf(row.customerId()), row.country().strip());
    }
}
