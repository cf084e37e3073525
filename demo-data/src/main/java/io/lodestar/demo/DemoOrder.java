package io.lodestar.demo;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.Channel;

/**
 * A paid order of the demo history. {@code refundedAt} is set when the customer returned the first line, which the
 * order-line file expresses as a cancellation line ({@code C<orderId>}, negative quantity) at that time.
 */
record DemoOrder(String orderId, String customerId, Channel channel, Instant paidAt, List<Line> lines,
                 Instant refundedAt) {

    record Line(DemoItem item, int quantity) {
    }
}
