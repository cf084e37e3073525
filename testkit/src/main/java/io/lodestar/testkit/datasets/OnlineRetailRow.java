package io.lodestar.testkit.datasets;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One order line of the UCI Online Retail data set (Daqing Chen, Sai Liang Sain, Kun Guo, 2012, CC BY 4.0).
 *
 * @param customerId null where the source has no CustomerID (such rows only count for item statistics)
 * @param invoiceDate UK local time, as in the source (no zone)
 */
public record OnlineRetailRow(String invoiceNo, String stockCode, String description, int quantity,
        LocalDateTime invoiceDate, BigDecimal unitPrice, String customerId, String country) {

    /** Invoices starting with {@code C} cancel (refund) earlier purchases. */
    public boolean isCancellation() {
        return invoiceNo.startsWith("C");
    }

    /** The usual clean subset for RFM: a known customer, a real sale, a positive quantity and price. */
    public boolean isCleanSale() {
        return customerId != null && !isCancellation() && quantity > 0 && unitPrice.signum() > 0;
    }

    public BigDecimal lineAmount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
