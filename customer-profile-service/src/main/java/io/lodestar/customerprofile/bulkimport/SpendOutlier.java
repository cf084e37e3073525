package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A customer whose net spend in the import is an outlier: flagged with the evidence, never deleted, so that a
 * person decides (a wholesaler is an outlier and a real customer).
 *
 * @param spend     the customer's net spend in {@code currency} (purchases minus cancellations)
 * @param threshold the fence the spend lies beyond
 * @param side      above the upper fence or below the lower one
 */
public record SpendOutlier(String customerId, Currency currency, BigDecimal spend, BigDecimal threshold,
        Side side, OutlierRule rule) {

    public enum Side {
        HIGH, LOW
    }
}
