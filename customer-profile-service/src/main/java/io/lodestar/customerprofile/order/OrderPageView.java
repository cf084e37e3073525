package io.lodestar.customerprofile.order;

import java.util.List;

/**
 * One page of a customer's orders, newest first.
 *
 * @param nextCursor pass it as {@code cursor} for the next page; absent on the last page
 */
public record OrderPageView(List<OrderView> items, String nextCursor) {
}
