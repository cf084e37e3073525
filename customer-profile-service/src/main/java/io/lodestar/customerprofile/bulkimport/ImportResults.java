package io.lodestar.customerprofile.bulkimport;

/**
 * What the accepted rows of an import became. An accepted row that could not be written (a customer id the
 * profile refuses, a cancellation that matches no sale) is counted here and listed in the rejected-rows report
 * with the reason; nothing is dropped silently.
 *
 * @param written        customers created or changed, or orders placed and paid
 * @param unchanged      customers or orders that were already exactly so (the same file imported again)
 * @param refunds        refunds recorded from cancellations (order lines only)
 * @param guestOrders    of {@code written}, orders of lines without a customer (kept for item statistics)
 * @param rowsNotWritten accepted rows that became no customer, order or refund
 */
public record ImportResults(long written, long unchanged, long refunds, long guestOrders, long rowsNotWritten) {

    public static final ImportResults NONE = new ImportResults(0, 0, 0, 0, 0);
}
