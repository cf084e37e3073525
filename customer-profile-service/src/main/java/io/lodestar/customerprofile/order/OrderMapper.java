package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.lodestar.contracts.order.OrderCancelled;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.contracts.order.OrderRefunded;

/**
 * Every conversion of the orders feature, one method each: requests to entities, entities back to the request
 * they came from (to recognise a repeated request), entities to the API view and to the event payloads.
 * Entities never leave this package; events carry only {@code contracts} records.
 */
final class OrderMapper {

    private OrderMapper() {
    }

    /** A new placed order from a {@link PlaceOrderRequest#normalised() normalised} request. */
    static Order toOrder(PlaceOrderRequest request, OrderTotals totals) {
        Order order = new Order();
        order.orderId = request.orderId();
        order.customerId = request.customerId();
        order.status = OrderStatus.PLACED;
        order.currency = request.currency();
        order.subtotalAmount = totals.subtotal();
        order.lineDiscountAmount = totals.lineDiscount();
        order.discountAmount = totals.orderDiscount();
        order.totalAmount = totals.total();
        order.refundedAmount = OrderTotals.money(null);
        order.couponCode = request.couponCode();
        order.channel = request.channel();
        order.campaignId = request.campaignId();
        order.placedAt = request.placedAt();
        return order;
    }

    static List<OrderItem> toItems(PlaceOrderRequest request) {
        List<OrderItem> items = new ArrayList<>(request.lines().size());
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrderRequest.Line line = request.lines().get(i);
            OrderItem item = new OrderItem();
            item.orderId = request.orderId();
            item.lineNo = i;
            item.itemId = line.itemId();
            item.category = line.category();
            item.title = line.title();
            item.quantity = line.quantity();
            item.unitPrice = line.unitPrice();
            item.discount = line.discount();
            items.add(item);
        }
        return items;
    }

    /** The normalised request that would create this order, for comparison with a repeated request. */
    static PlaceOrderRequest toPlaceRequest(Order order, List<OrderItem> items) {
        List<PlaceOrderRequest.Line> lines = items.stream()
                .map(i -> new PlaceOrderRequest.Line(i.itemId, i.category, i.title, i.quantity, i.unitPrice,
                        i.discount))
                .toList();
        return new PlaceOrderRequest(order.orderId, order.customerId, lines, order.currency, order.discountAmount,
                order.couponCode, order.channel, order.campaignId, order.placedAt);
    }

    /** A new refund from a {@link RecordRefundRequest#normalised() normalised} request. */
    static Refund toRefund(String orderId, RecordRefundRequest request, Instant recordedAt) {
        Refund refund = new Refund();
        refund.orderId = orderId;
        refund.refundId = request.refundId();
        refund.amount = request.amount();
        refund.reason = request.reason();
        refund.refundedAt = request.refundedAt();
        refund.recordedAt = recordedAt;
        return refund;
    }

    static List<RefundItem> toRefundItems(String orderId, RecordRefundRequest request) {
        List<RefundItem> items = new ArrayList<>(request.lines().size());
        for (int i = 0; i < request.lines().size(); i++) {
            RefundItem item = new RefundItem();
            item.orderId = orderId;
            item.refundId = request.refundId();
            item.lineNo = i;
            item.itemId = request.lines().get(i).itemId();
            item.quantity = request.lines().get(i).quantity();
            items.add(item);
        }
        return items;
    }

    /** The normalised request that recorded this refund, for comparison with a repeated request. */
    static RecordRefundRequest toRefundRequest(Refund refund, List<RefundItem> items) {
        return new RecordRefundRequest(refund.refundId, refund.amount,
                items.stream().map(i -> new RecordRefundRequest.Line(i.itemId, i.quantity)).toList(),
                refund.reason, refund.refundedAt);
    }

    /** The view of one order, given its own lines, refunds and refunded lines. */
    static OrderView toView(Order order, List<OrderItem> items, List<Refund> refunds, List<RefundItem> refundItems) {
        Map<String, List<OrderView.RefundLine>> linesByRefund = refundItems.stream().collect(Collectors.groupingBy(
                i -> i.refundId, Collectors.mapping(i -> new OrderView.RefundLine(i.itemId, i.quantity),
                        Collectors.toList())));
        return new OrderView(order.orderId, order.customerId, order.status, order.currency,
                items.stream().map(i -> new OrderView.Line(i.itemId, i.category, i.title, i.quantity, i.unitPrice,
                        i.discount)).toList(),
                order.subtotalAmount, order.lineDiscountAmount, order.discountAmount, order.totalAmount,
                order.paidAmount, order.refundedAmount, order.couponCode, order.channel, order.campaignId,
                order.placedAt, order.paidAt, order.cancelledAt, order.cancellationReason,
                refunds.stream().map(r -> new OrderView.Refund(r.refundId, r.amount,
                        linesByRefund.getOrDefault(r.refundId, List.of()), r.reason, r.refundedAt)).toList());
    }

    static OrderPlaced toPlaced(Order order, List<OrderItem> items) {
        return new OrderPlaced(order.orderId, order.customerId, order.currency, toEventLines(items),
                order.totalAmount, allDiscounts(order), order.channel, order.campaignId, order.couponCode,
                order.placedAt);
    }

    /** Self-contained: the lines, amounts and attribution of the placed order travel with the payment. */
    static OrderPaid toPaid(Order order, List<OrderItem> items) {
        return new OrderPaid(order.orderId, order.customerId, order.currency, toEventLines(items), order.paidAmount,
                allDiscounts(order), order.channel, order.campaignId, order.couponCode, order.paidAt);
    }

    /**
     * The refunded lines carry the ordered line's category, title and unit price (of the first line with that
     * item), and the refunded quantity.
     */
    static OrderRefunded toRefunded(Order order, Refund refund, List<RefundItem> refundItems,
            List<OrderItem> orderItems) {
        Map<String, OrderItem> byItemId = orderItems.stream()
                .collect(Collectors.toMap(i -> i.itemId, i -> i, (first, later) -> first));
        List<OrderLine> lines = refundItems.stream().map(r -> {
            OrderItem ordered = byItemId.get(r.itemId);
            return new OrderLine(r.itemId, ordered.category, ordered.title, r.quantity, ordered.unitPrice, null);
        }).toList();
        return new OrderRefunded(order.orderId, order.customerId, order.currency, refund.amount, lines,
                refund.reason, refund.refundedAt);
    }

    static OrderCancelled toCancelled(Order order) {
        return new OrderCancelled(order.orderId, order.customerId, order.cancellationReason, order.cancelledAt);
    }

    private static List<OrderLine> toEventLines(List<OrderItem> items) {
        return items.stream().map(i -> new OrderLine(i.itemId, i.category, i.title, i.quantity, i.unitPrice,
                i.discount.signum() == 0 ? null : i.discount)).toList();
    }

    /** What the events call discountAmount: the line discounts and the order discount together. */
    private static BigDecimal allDiscounts(Order order) {
        return order.lineDiscountAmount.add(order.discountAmount);
    }
}
