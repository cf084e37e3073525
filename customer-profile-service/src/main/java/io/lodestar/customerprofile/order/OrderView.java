package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.Channel;

/**
 * An order as the API shows it.
 *
 * @param subtotalAmount     Σ quantity × unitPrice
 * @param lineDiscountAmount Σ line discounts
 * @param discountAmount     the order-level discount
 * @param totalAmount        what the customer pays: subtotal − line discounts − order discount
 * @param paidAmount         null until paid
 * @param refundedAmount     the sum of all refunds
 */
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        String currency,
        List<Line> lines,
        BigDecimal subtotalAmount,
        BigDecimal lineDiscountAmount,
        BigDecimal discountAmount,
        BigDecimal totalAmount,
        BigDecimal paidAmount,
        BigDecimal refundedAmount,
        String couponCode,
        Channel channel,
        String campaignId,
        Instant placedAt,
        Instant paidAt,
        Instant cancelledAt,
        String cancellationReason,
        List<Refund> refunds) {

    public record Line(String itemId, String category, String title, int quantity, BigDecimal unitPrice,
            BigDecimal discount) {
    }

    public record Refund(String refundId, BigDecimal amount, List<RefundLine> lines, String reason,
            Instant refundedAt) {
    }

    public record RefundLine(String itemId, int quantity) {
    }
}
