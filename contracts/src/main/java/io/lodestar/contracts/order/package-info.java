/**
 * Payloads of {@link io.lodestar.contracts.Topics#ORDERS}: the order lifecycle.
 *
 * <p>Each step is its own event type, because their shapes differ: a placed or paid order carries its
 * lines and amounts, a refund carries the refunded amount, a cancellation only a reason. Amounts are in
 * the order's {@code currency}.
 */
package io.lodestar.contracts.order;
