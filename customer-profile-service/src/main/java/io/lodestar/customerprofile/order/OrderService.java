package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.customerprofile.config.OrderConfig;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The order lifecycle: place → pay → refund (in part or in full), or place → cancel. Each step changes the order
 * and enqueues its event ({@code order.placed|paid|refunded|cancelled}, keyed by customerId) in one transaction.
 * Every step is idempotent: repeating it answers the current order and publishes nothing; the same key with other
 * content is a conflict. Payments, refunds and cancellations lock the order row, so racing requests run one by one.
 */
@ApplicationScoped
public class OrderService {

    /** The envelope's {@code producer}. */
    static final String PRODUCER = "customer-profile-service";

    private final OrderRepository orders;
    private final OutboxService outbox;
    private final OrderConfig config;

    public OrderService(OrderRepository orders, OutboxService outbox, OrderConfig config) {
        this.orders = orders;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * What a step did.
     *
     * @param changed false for an idempotent repeat that changed and published nothing
     */
    public record Outcome(OrderView order, boolean changed) {
    }

    @WithTransaction
    public Uni<Outcome> place(@NotNull @Valid PlaceOrderRequest request) {
        PlaceOrderRequest normalised = request.normalised();
        requireNotFuture("placedAt", normalised.placedAt());
        OrderTotals totals = OrderTotals.of(normalised.lines(), normalised.discountAmount());
        return orders.lockOrderId(normalised.orderId())
                .chain(() -> orders.findById(normalised.orderId()))
                .chain(existing -> existing == null
                        ? create(normalised, totals)
                        : repeatPlacement(existing, normalised));
    }

    private Uni<Outcome> create(PlaceOrderRequest request, OrderTotals totals) {
        Order order = OrderMapper.toOrder(request, totals);
        List<OrderItem> items = OrderMapper.toItems(request);
        return orders.insert(order, items)
                .chain(() -> publish(order, EventType.ORDER_PLACED, order.placedAt, OrderMapper.toPlaced(order, items)))
                .map(ignored -> new Outcome(OrderMapper.toView(order, items, List.of(), List.of()), true));
    }

    private Uni<Outcome> repeatPlacement(Order existing, PlaceOrderRequest request) {
        return orders.findItems(List.of(existing.orderId)).chain(items -> {
            if (!OrderMapper.toPlaceRequest(existing, items).equals(request)) {
                throw new ConflictException("order '" + existing.orderId + "' exists with different content");
            }
            return unchanged(existing);
        });
    }

    @WithTransaction
    public Uni<Outcome> pay(@NotBlank String orderId, @NotNull @Valid RecordPaymentRequest request) {
        return lockedOrder(orderId).chain(order -> {
            boolean payable = order.status.acceptPayment();
            BigDecimal paid = request.paidAmount() == null ? order.totalAmount
                    : OrderTotals.money(request.paidAmount());
            if (paid.compareTo(order.totalAmount) != 0) {
                throw new InvalidInputException("paidAmount",
                        "must equal the order total " + order.totalAmount.toPlainString());
            }
            if (!payable) {
                return unchanged(order);
            }
            order.paidAt = checkedTime("paidAt", request.paidAt(), order.placedAt, "the order was placed");
            order.paidAmount = paid;
            order.status = OrderStatus.PAID;
            return orders.findItems(List.of(orderId))
                    .chain(items -> publish(order, EventType.ORDER_PAID, order.paidAt,
                            OrderMapper.toPaid(order, items)))
                    .chain(() -> changed(order));
        });
    }

    @WithTransaction
    public Uni<Outcome> refund(@NotBlank String orderId, @NotNull @Valid RecordRefundRequest request) {
        RecordRefundRequest normalised = request.normalised();
        if (normalised.amount().signum() <= 0) {
            throw new InvalidInputException("amount", "must be at least 0.01");
        }
        return lockedOrder(orderId).chain(order -> orders.findRefund(orderId, normalised.refundId())
                .chain(existing -> existing == null
                        ? newRefund(order, normalised)
                        : repeatRefund(order, existing, normalised)));
    }

    private Uni<Outcome> newRefund(Order order, RecordRefundRequest request) {
        order.status.requireRefundable();
        Instant refundedAt = checkedTime("refundedAt", request.refundedAt(), order.paidAt, "the order was paid");
        BigDecimal refunded = order.refundedAmount.add(request.amount());
        OrderStatus next = OrderStatus.afterRefund(refunded, order.paidAmount);
        List<String> ids = List.of(order.orderId);
        return orders.findItems(ids).chain(items -> orders.findRefundItems(ids).chain(earlier -> {
            requireRefundableLines(request.lines(), items, earlier);
            Refund refund = OrderMapper.toRefund(order.orderId, request, Instant.now());
            List<RefundItem> refundItems = OrderMapper.toRefundItems(order.orderId, request);
            order.refundedAmount = refunded;
            order.status = next;
            return orders.insert(refund, refundItems)
                    .chain(() -> publish(order, EventType.ORDER_REFUNDED, refundedAt,
                            OrderMapper.toRefunded(order, refund, refundItems, items)))
                    .chain(() -> changed(order));
        }));
    }

    private Uni<Outcome> repeatRefund(Order order, Refund existing, RecordRefundRequest request) {
        return orders.findRefundItems(List.of(order.orderId)).chain(all -> {
            List<RefundItem> items = all.stream().filter(i -> i.refundId.equals(existing.refundId)).toList();
            if (!OrderMapper.toRefundRequest(existing, items).equals(request)) {
                throw new ConflictException("refund '" + existing.refundId + "' of order '" + order.orderId
                        + "' was recorded with different content");
            }
            return unchanged(order);
        });
    }

    @WithTransaction
    public Uni<Outcome> cancel(@NotBlank String orderId, @NotNull @Valid CancelOrderRequest request) {
        return lockedOrder(orderId).chain(order -> {
            if (!order.status.acceptCancellation()) {
                return unchanged(order);
            }
            order.cancelledAt = checkedTime("cancelledAt", request.cancelledAt(), order.placedAt,
                    "the order was placed");
            order.cancellationReason = request.reason();
            order.status = OrderStatus.CANCELLED;
            return publish(order, EventType.ORDER_CANCELLED, order.cancelledAt, OrderMapper.toCancelled(order))
                    .chain(() -> changed(order));
        });
    }

    @WithSession
    public Uni<OrderView> find(@NotBlank String orderId) {
        return orders.findById(orderId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("order", orderId))
                .chain(this::view);
    }

    /** A customer's orders, newest first, {@code limit} at a time after the opaque {@code cursor} (null: first page). */
    @WithSession
    public Uni<CursorPage<OrderView>> listForCustomer(@NotBlank String customerId, @Min(1) @Max(200) int limit,
            String cursor) {
        OrderCursor after = OrderCursor.decode(cursor);
        return orders.findPageOfCustomer(customerId, after, limit + 1).chain(found -> {
            List<Order> page = found.size() > limit ? found.subList(0, limit) : found;
            Order last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = found.size() > limit ? new OrderCursor(last.placedAt, last.orderId).encode() : null;
            return views(page).map(items -> new CursorPage<OrderView>(items, next));
        });
    }

    /**
     * Moves the orders of a merged customer to the surviving one (for the identity merge). Joins the caller's
     * transaction, so the merge and the move commit together. Publishes nothing: the merge event says it all.
     *
     * @return how many orders moved
     */
    @WithTransaction
    public Uni<Integer> reassignCustomer(@NotBlank String fromCustomerId, @NotBlank String toCustomerId) {
        return orders.replaceCustomerId(fromCustomerId, toCustomerId)
                .invoke(moved -> Log.debugf("Orders: %d order(s) of %s reassigned to %s", moved, fromCustomerId,
                        toCustomerId));
    }

    /**
     * Erasure: the customer's orders keep their amounts, lines and times (spend statistics stay right) but belong
     * to {@code anonymousId} from now on.
     *
     * @return how many orders were anonymised
     */
    @WithTransaction
    public Uni<Integer> anonymise(@NotBlank String customerId, @NotBlank String anonymousId) {
        return orders.replaceCustomerId(customerId, anonymousId);
    }

    private Uni<Order> lockedOrder(String orderId) {
        return orders.findForUpdate(orderId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("order", orderId));
    }

    private Uni<Void> publish(Order order, EventType type, Instant occurredAt, Object payload) {
        return outbox.enqueue(EventEnvelope.of(UUID.randomUUID(), occurredAt, type, PRODUCER, order.customerId,
                payload));
    }

    private Uni<Outcome> changed(Order order) {
        return view(order).map(view -> new Outcome(view, true));
    }

    private Uni<Outcome> unchanged(Order order) {
        return view(order).map(view -> new Outcome(view, false));
    }

    private Uni<OrderView> view(Order order) {
        return views(List.of(order)).map(list -> list.get(0));
    }

    /** Views of several orders with three queries for all their lines and refunds. */
    private Uni<List<OrderView>> views(List<Order> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = list.stream().map(o -> o.orderId).toList();
        return orders.findItems(ids).chain(items -> orders.findRefunds(ids).chain(refunds -> orders
                .findRefundItems(ids).map(refundItems -> {
                    Map<String, List<OrderItem>> itemsOf = byOrder(items, i -> i.orderId);
                    Map<String, List<Refund>> refundsOf = byOrder(refunds, r -> r.orderId);
                    Map<String, List<RefundItem>> refundItemsOf = byOrder(refundItems, i -> i.orderId);
                    return list.stream().map(o -> OrderMapper.toView(o, itemsOf.getOrDefault(o.orderId, List.of()),
                            refundsOf.getOrDefault(o.orderId, List.of()),
                            refundItemsOf.getOrDefault(o.orderId, List.of()))).toList();
                })));
    }

    private static <T> Map<String, List<T>> byOrder(List<T> rows, Function<T, String> orderId) {
        return rows.stream().collect(Collectors.groupingBy(orderId));
    }

    /**
     * A refund's lines must name items of the order (400), and no item may be refunded more often than it was
     * ordered, counting earlier refunds (409).
     */
    private static void requireRefundableLines(List<RecordRefundRequest.Line> lines, List<OrderItem> ordered,
            List<RefundItem> earlier) {
        Map<String, Integer> left = new HashMap<>();
        ordered.forEach(i -> left.merge(i.itemId, i.quantity, Integer::sum));
        earlier.forEach(i -> left.merge(i.itemId, -i.quantity, Integer::sum));
        for (int i = 0; i < lines.size(); i++) {
            RecordRefundRequest.Line line = lines.get(i);
            Integer remaining = left.get(line.itemId());
            if (remaining == null) {
                throw new InvalidInputException("lines[" + i + "].itemId", "is not an item of this order");
            }
            if (line.quantity() > remaining) {
                throw new ConflictException("item '" + line.itemId() + "' has only " + remaining
                        + " unit(s) left to refund");
            }
            left.put(line.itemId(), remaining - line.quantity());
        }
    }

    /** The caller's time, as stored; not beyond the clock-skew tolerance, and not before {@code notBefore}. */
    private Instant checkedTime(String field, Instant time, Instant notBefore, String notBeforeWhat) {
        Instant stored = time.truncatedTo(ChronoUnit.MICROS);
        requireNotFuture(field, stored);
        if (notBefore != null && stored.isBefore(notBefore)) {
            throw new InvalidInputException(field, "must not be before " + notBeforeWhat + " (" + notBefore + ")");
        }
        return stored;
    }

    private void requireNotFuture(String field, Instant time) {
        if (time.isAfter(Instant.now().plus(config.futureTolerance()))) {
            throw new InvalidInputException(field, "must not be more than " + config.futureTolerance().toMinutes()
                    + " minutes in the future");
        }
    }
}
