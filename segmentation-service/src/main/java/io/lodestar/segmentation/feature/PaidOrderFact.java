package io.lodestar.segmentation.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;

/** A paid order as segmentation keeps it: who, when, how much, with which discount, through which channel. */
public record PaidOrderFact(String orderId, String customerId, Instant paidAt, BigDecimal paidAmount,
        BigDecimal discountAmount, String channel, String campaignId, Map<String, BigDecimal> categorySpend) {

    public PaidOrderFact {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(paidAmount, "paidAmount");
        Objects.requireNonNull(discountAmount, "discountAmount");
        categorySpend = Map.copyOf(categorySpend);
    }

    /** The fact of an {@code order.paid}, attributed to {@code customerId} (the payer, or its merge survivor). */
    public static PaidOrderFact of(OrderPaid paid, String customerId) {
        Map<String, BigDecimal> categories = new LinkedHashMap<>();
        for (OrderLine line : paid.lines()) {
            if (line.category() == null || line.category().isBlank()) {
                continue; // spend without a category still counts in the total, not in any category's share
            }
            BigDecimal amount = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))
                    .subtract(line.discount() == null ? BigDecimal.ZERO : line.discount());
            categories.merge(line.category(), amount, BigDecimal::add);
        }
        return new PaidOrderFact(paid.orderId(), customerId, paid.paidAt(), paid.paidAmount(),
                // a discount is a positive amount here, whichever sign its producer wrote
                paid.discountAmount() == null ? BigDecimal.ZERO : paid.discountAmount().abs(),
                paid.channel() == null ? null : WireNames.of(paid.channel()), paid.campaignId(), categories);
    }
}
