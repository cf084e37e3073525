package io.lodestar.customerprofile.bulkimport;

import java.util.List;

import io.lodestar.customerprofile.order.PlaceOrderRequest;
import io.lodestar.customerprofile.order.RecordRefundRequest;

/**
 * What a group of accepted order lines means for the orders feature, decided by {@link OrderAssembler}: an order
 * paid when placed, a refund of an earlier imported order, or lines that cannot be written (with the reason, for
 * the report). Each carries the source lines it came from, so a write that fails can be reported line by line.
 */
public sealed interface OrderWrite {

    /** The physical lines of the upload this write comes from. */
    List<Long> lines();

    /** A sale: an order placed and paid at the invoice time. */
    record PaidOrder(PlaceOrderRequest order, List<Long> lines) implements OrderWrite {
        public PaidOrder {
            lines = List.copyOf(lines);
        }
    }

    /** The part of a cancellation that matched sales of one earlier order. */
    record OrderRefund(String orderId, RecordRefundRequest refund, List<Long> lines) implements OrderWrite {
        public OrderRefund {
            lines = List.copyOf(lines);
        }
    }

    /** Accepted lines that become no order or refund, and why (reported, never silently lost). */
    record NotWritable(String field, String reason, List<Long> lines) implements OrderWrite {
        public NotWritable {
            lines = List.copyOf(lines);
        }
    }
}
