package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;

/** A customer flagged by the spend outlier rule, as the job stores and shows it. */
public record FlaggedOutlier(String customerId, String currency, BigDecimal spend, BigDecimal threshold,
        SpendOutlier.Side side) {

    static FlaggedOutlier of(SpendOutlier outlier) {
        return new FlaggedOutlier(outlier.customerId(), outlier.currency().getCurrencyCode(), outlier.spend(),
                outlier.threshold(), outlier.side());
    }
}
