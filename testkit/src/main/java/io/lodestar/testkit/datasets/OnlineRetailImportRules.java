package io.lodestar.testkit.datasets;


/**
 * customer-profile-service's documented import rules for Online Retail rows, written out by hand for the data-set
 * tests: the import's tests check the import against them, and segmentation's feeds the rows the import accepts.
 */
public final class OnlineRetailImportRules {

    private OnlineRetailImportRules() {
    }

    /** Rejected: a quantity that is neither a sale (positive) nor a cancellation (negative), or a negative price. */
    public static boolean rejected(OnlineRetailRow row) {
        return (row.isCancellation() ? row.quantity() >= 0 : row.quantity() <= 0) || row.unitPrice().signum() < 0;
    }

    /** Two rows with the same key are exact duplicates: every mapped value, as normalised, is equal. */
    public static String duplicateKey(OnlineRetailRow row) {
        return String.join("\u0001", row.invoiceNo().strip(), row.stockCode().strip(), row.description().strip(),
                Integer.toString(row.quantity()), row.unitPrice().stripTrailingZeros().toPlainString(),
                row.invoiceDate().toString(), String.valueOf(row.customerId()), row.country().strip());
    }
}
