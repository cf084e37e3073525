package io.lodestar.customerprofile.bulkimport;

import io.lodestar.contracts.customer.GuestCustomers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.lodestar.customerprofile.order.OrderTotals;
import io.lodestar.customerprofile.order.PlaceOrderRequest;
import io.lodestar.customerprofile.order.RecordRefundRequest;

/**
 * Turns the accepted order lines of an import, in file order, into {@link OrderWrite}s. Lines with the same order
 * id in a row form one order (CSV exports of order systems list an order's lines together; a later group with an
 * id already seen is the same order id with other content, which the orders feature refuses as a conflict).
 * <p>
 * A sale becomes an order paid when placed, of the line's customer or, for lines without one, of the guest
 * {@code guest-<orderId>} (kept for item statistics; no person stands behind it). A cancellation (the upload's
 * cancellation prefix, {@code C…} in Online Retail) is not an order but a refund of earlier spend: each of its lines
 * is matched to the same customer's earlier imported sales of the same item, newest first, and becomes per-item
 * refunds of those orders ({@code refundId} = the cancellation's id), worth the cancelled quantity at the
 * cancellation's price and never more than is left to refund of the order. What matches no sale in the import (the
 * sale predates the file, or the cancellation has no customer) is reported as not written.
 * <p>
 * Memory: one entry per (customer, item) sale of the import, which is what matching needs.
 */
public final class OrderAssembler {

    /** The category of lines whose upload has no category column. */
    public static final String UNCATEGORISED = "uncategorised";

    static final int MAX_TITLE = 200;

    private final Map<String, Deque<Sale>> salesByCustomerItem = new HashMap<>();
    private final Map<String, BigDecimal> refundableByOrder = new HashMap<>();
    private final List<OrderLineRecord> group = new ArrayList<>();

    /** One imported sale line, with the units not yet refunded. */
    private static final class Sale {
        final String orderId;
        final Instant paidAt;
        int unitsLeft;

        Sale(String orderId, Instant paidAt, int units) {
            this.orderId = orderId;
            this.paidAt = paidAt;
            this.unitsLeft = units;
        }
    }

    /** Adds the next accepted line; a completed group is written to {@code out}. */
    public void add(OrderLineRecord line, Consumer<OrderWrite> out) {
        if (!group.isEmpty() && !group.get(0).orderId().equals(line.orderId())) {
            flush(out);
        }
        group.add(line);
    }

    /** Writes the last group; call once after the last line. */
    public void finish(Consumer<OrderWrite> out) {
        if (!group.isEmpty()) {
            flush(out);
        }
    }

    private void flush(Consumer<OrderWrite> out) {
        List<OrderLineRecord> lines = List.copyOf(group);
        group.clear();
        if (lines.get(0).cancellation()) {
            cancellation(lines, out);
        } else {
            sale(lines, out);
        }
    }

    private void sale(List<OrderLineRecord> lines, Consumer<OrderWrite> out) {
        OrderLineRecord first = lines.get(0);
        List<OrderLineRecord> ofCustomer = new ArrayList<>();
        List<Long> otherCustomer = new ArrayList<>();
        for (OrderLineRecord line : lines) {
            if (same(line.customerId(), first.customerId())) {
                ofCustomer.add(line);
            } else {
                otherCustomer.add(line.line());
            }
        }
        if (!otherCustomer.isEmpty()) {
            out.accept(new OrderWrite.NotWritable("customerId", "order " + first.orderId()
                    + " belongs to customer " + describe(first.customerId()) + " (line " + first.line()
                    + "); a line of another customer cannot be part of it", otherCustomer));
        }
        if (ofCustomer.size() > PlaceOrderRequest.MAX_LINES) {
            out.accept(new OrderWrite.NotWritable("orderId", "order " + first.orderId() + " has "
                    + ofCustomer.size() + " lines; an order holds at most " + PlaceOrderRequest.MAX_LINES,
                    lineNumbers(ofCustomer)));
            return;
        }
        String customerId = first.customerId() == null ? GuestCustomers.forOrder(first.orderId()) : first.customerId();
        List<PlaceOrderRequest.Line> orderLines = ofCustomer.stream()
                .map(l -> new PlaceOrderRequest.Line(l.itemId(), l.category() == null ? UNCATEGORISED : l.category(),
                        truncate(l.title()), l.quantity(), l.unitPrice(), null))
                .toList();
        PlaceOrderRequest order = new PlaceOrderRequest(first.orderId(), customerId, orderLines,
                first.currency().getCurrencyCode(), null, null, first.channel(), null, first.occurredAt());
        out.accept(new OrderWrite.PaidOrder(order, lineNumbers(ofCustomer)));
        if (first.customerId() != null) {
            remember(order, ofCustomer);
        }
    }

    private void remember(PlaceOrderRequest order, List<OrderLineRecord> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLineRecord line : lines) {
            salesByCustomerItem.computeIfAbsent(key(line.customerId(), line.itemId()), k -> new ArrayDeque<>())
                    .addFirst(new Sale(order.orderId(), order.placedAt(), line.quantity()));
            total = total.add(OrderTotals.money(line.unitPrice()).multiply(BigDecimal.valueOf(line.quantity())));
        }
        refundableByOrder.put(order.orderId(), total);
    }

    private void cancellation(List<OrderLineRecord> lines, Consumer<OrderWrite> out) {
        String refundId = lines.get(0).orderId();
        Map<String, Refund> refunds = new LinkedHashMap<>();
        for (OrderLineRecord line : lines) {
            if (line.customerId() == null) {
                out.accept(new OrderWrite.NotWritable("customerId",
                        "a cancellation without a customer matches no sale", List.of(line.line())));
                continue;
            }
            int unmatched = allocate(line, refunds);
            if (unmatched > 0) {
                out.accept(new OrderWrite.NotWritable("quantity", unmatched + " of " + -line.quantity()
                        + " cancelled unit(s) match no earlier sale of item " + line.itemId() + " to customer "
                        + line.customerId() + " in this import (the sale may predate it)", List.of(line.line())));
            }
        }
        for (Map.Entry<String, Refund> entry : refunds.entrySet()) {
            Refund refund = entry.getValue();
            BigDecimal left = refundableByOrder.getOrDefault(entry.getKey(), BigDecimal.ZERO);
            BigDecimal amount = OrderTotals.money(refund.amount.min(left));
            if (amount.signum() <= 0) {
                out.accept(new OrderWrite.NotWritable("unitPrice", "the cancelled units are worth nothing, or order "
                        + entry.getKey() + " has nothing left to refund", refund.lines));
                continue;
            }
            refundableByOrder.put(entry.getKey(), left.subtract(amount));
            out.accept(new OrderWrite.OrderRefund(entry.getKey(), new RecordRefundRequest(refundId, amount,
                    refund.items, "cancellation " + refundId, refund.refundedAt), refund.lines));
        }
    }

    /** The refund one cancellation makes to one order, as its lines are allocated. */
    private static final class Refund {
        final Instant refundedAt;
        final List<RecordRefundRequest.Line> items = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;

        Refund(Instant refundedAt) {
            this.refundedAt = refundedAt;
        }
    }

    /** Allocates a cancelled line to the newest earlier sales with units left; answers the units left unmatched. */
    private int allocate(OrderLineRecord line, Map<String, Refund> refunds) {
        int wanted = -line.quantity();
        Deque<Sale> sales = salesByCustomerItem.getOrDefault(key(line.customerId(), line.itemId()), new ArrayDeque<>());
        for (Iterator<Sale> it = sales.iterator(); it.hasNext() && wanted > 0;) {
            Sale sale = it.next();
            if (sale.paidAt.isAfter(line.occurredAt())) {
                continue;
            }
            int units = Math.min(wanted, sale.unitsLeft);
            sale.unitsLeft -= units;
            wanted -= units;
            if (sale.unitsLeft == 0) {
                it.remove();
            }
            Refund refund = refunds.computeIfAbsent(sale.orderId, id -> new Refund(line.occurredAt()));
            refund.items.add(new RecordRefundRequest.Line(line.itemId(), units));
            refund.amount = refund.amount.add(line.unitPrice().multiply(BigDecimal.valueOf(units)));
            if (!refund.lines.contains(line.line())) {
                refund.lines.add(line.line());
            }
        }
        return wanted;
    }

    private static String key(String customerId, String itemId) {
        return customerId + '\u0001' + itemId;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String describe(String customerId) {
        return customerId == null ? "(none)" : customerId;
    }

    private static String truncate(String title) {
        return title == null || title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE);
    }

    private static List<Long> lineNumbers(List<OrderLineRecord> lines) {
        return lines.stream().map(OrderLineRecord::line).toList();
    }
}
