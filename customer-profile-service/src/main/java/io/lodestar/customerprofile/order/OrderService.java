package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.customerprofile.config.OrderConfig;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
    private final Validator validator;
    private final OrderBulkRepository bulk;
    private final Pool pool;

    public OrderService(OrderRepository orders, OutboxService outbox, OrderConfig config, Validator validator,
            OrderBulkRepository bulk, Pool pool) {
        this.orders = orders;
        this.outbox = outbox;
        this.config = config;
        this.validator = validator;
        this.bulk = bulk;
        this.pool = pool;
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
        return placement(request, this::create, this::repeatPlacement);
    }

    /**
     * The common start of a placement: the request as stored, checked, its orderId locked for the transaction, and
     * then {@code create} for a new id or {@code repeat} for a known one.
     */
    private <T> Uni<T> placement(PlaceOrderRequest request, BiFunction<PlaceOrderRequest, OrderTotals, Uni<T>> create,
            BiFunction<Order, PlaceOrderRequest, Uni<T>> repeat) {
        PlaceOrderRequest normalised = request.normalised();
        requireNotFuture("placedAt", normalised.placedAt());
        OrderTotals totals = OrderTotals.of(normalised.lines(), normalised.discountAmount());
        return orders.lockOrderId(normalised.orderId())
                .chain(() -> orders.findById(normalised.orderId()))
                .chain(existing -> existing == null
                        ? create.apply(normalised, totals)
                        : repeat.apply(existing, normalised));
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

    /**
     * A historical order that was paid when it was placed, as a bulk import records it: inserted as paid, with its
     * {@code order.placed} and {@code order.paid} events, in one transaction, so that an import is published like
     * live orders at a fraction of their round trips. Idempotent like {@link #place} and {@link #pay}: the same order
     * again changes and publishes nothing, other content under its id is a conflict, and an order placed earlier
     * but not yet paid is paid now.
     *
     * @return whether the order changed (and events were published)
     */
    @WithTransaction
    public Uni<Boolean> placePaid(@NotNull @Valid PlaceOrderRequest request) {
        return placePaidInTransaction(request);
    }

    /**
     * What {@link #placePaidAll} did with one order.
     *
     * @param refusal why the order was refused (invalid, conflicting), or null when it was written or unchanged
     */
    public record Batched(boolean changed, RuntimeException refusal) {
    }

    /**
     * Several historical orders as {@link #placePaid}, the new ones inserted with their events in one transaction of a
     * few statements ({@link OrderBulkRepository}, {@link OutboxService#enqueueAll}): per-order round trips and
     * Hibernate's per-entity work are what a bulk import would otherwise spend its time on. Orders already known (the
     * same file imported again) and an id repeated within the batch take the one-by-one path of {@link #placePaid}.
     * An order refused by a rule is answered in its place before anything is written and the others go on; an error
     * of the database fails the call, and the caller can then write the orders one by one.
     */
    public Uni<List<Batched>> placePaidAll(@NotNull List<@NotNull PlaceOrderRequest> requests) {
        Batched[] results = new Batched[requests.size()];
        List<PlaceOrderRequest> candidates = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                PlaceOrderRequest request = validated(requests.get(i)).normalised();
                requireNotFuture("placedAt", request.placedAt());
                OrderTotals.of(request.lines(), request.discountAmount());
                if (ids.add(request.orderId())) {
                    candidates.add(request);
                    positions.add(i);
                }
            } catch (RuntimeException e) {
                if (!isRefusal(e)) {
                    throw e;
                }
                results[i] = new Batched(false, e);
            }
        }
        List<String> candidateIds = candidates.stream().map(PlaceOrderRequest::orderId).toList();
        return pool.withTransaction(connection -> bulk.lockOrderIds(connection, candidateIds)
                .chain(() -> bulk.findExistingIds(connection, candidateIds))
                .chain(existing -> {
                    List<Order> newOrders = new ArrayList<>();
                    List<OrderItem> newItems = new ArrayList<>();
                    List<EventEnvelope<?>> events = new ArrayList<>();
                    for (int c = 0; c < candidates.size(); c++) {
                        PlaceOrderRequest request = candidates.get(c);
                        if (existing.contains(request.orderId())) {
                            continue;
                        }
                        Order order = OrderMapper.toOrder(request,
                                OrderTotals.of(request.lines(), request.discountAmount()));
                        List<OrderItem> items = OrderMapper.toItems(request);
                        OrderPlaced placed = OrderMapper.toPlaced(order, items);
                        markPaid(order);
                        newOrders.add(order);
                        newItems.addAll(items);
                        events.add(event(order, EventType.ORDER_PLACED, order.placedAt, placed));
                        events.add(event(order, EventType.ORDER_PAID, order.paidAt, OrderMapper.toPaid(order, items)));
                        results[positions.get(c)] = new Batched(true, null);
                    }
                    return bulk.insert(connection, newOrders, newItems)
                            .chain(() -> outbox.enqueueAll(connection, events));
                }))
                .chain(() -> oneByOne(requests, results, 0))
                .map(ignored -> Arrays.asList(results));
    }

    /** The orders of a batch not decided yet, one after the other, each in a transaction of its own. */
    private Uni<Void> oneByOne(List<PlaceOrderRequest> requests, Batched[] results, int from) {
        int next = from;
        while (next < results.length && results[next] != null) {
            next++;
        }
        if (next == results.length) {
            return Uni.createFrom().voidItem();
        }
        int index = next;
        return Panache.withTransaction(() -> placePaidInTransaction(requests.get(index)))
                .map(changed -> new Batched(changed, null))
                .onFailure(OrderService::isRefusal).recoverWithItem(failure -> new Batched(false,
                        (RuntimeException) failure))
                .invoke(result -> results[index] = result)
                .chain(() -> oneByOne(requests, results, index + 1));
    }

    private Uni<Boolean> placePaidInTransaction(PlaceOrderRequest request) {
        return placement(request, this::createPaid, (existing, normalised) -> repeatPlacement(existing, normalised)
                .chain(() -> pay(existing.orderId, new RecordPaymentRequest(null, existing.placedAt)))
                .map(Outcome::changed));
    }

    /** A historical order is paid in full when it is placed. */
    private static void markPaid(Order order) {
        order.status = OrderStatus.PAID;
        order.paidAt = order.placedAt;
        order.paidAmount = order.totalAmount;
    }

    /** Bean Validation by hand: a call from inside this bean passes no interceptor. */
    private PlaceOrderRequest validated(PlaceOrderRequest request) {
        Set<ConstraintViolation<PlaceOrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** A rule's refusal, thrown before the order wrote anything (as opposed to a failure of the database). */
    private static boolean isRefusal(Throwable failure) {
        return failure instanceof ConstraintViolationException || failure instanceof InvalidInputException
                || failure instanceof ConflictException || failure instanceof ResourceNotFoundException;
    }

    private Uni<Boolean> createPaid(PlaceOrderRequest request, OrderTotals totals) {
        Order order = OrderMapper.toOrder(request, totals);
        List<OrderItem> items = OrderMapper.toItems(request);
        OrderPlaced placed = OrderMapper.toPlaced(order, items);
        markPaid(order);
        return orders.insert(order, items)
                .chain(() -> publish(order, EventType.ORDER_PLACED, order.placedAt, placed))
                .chain(() -> publish(order, EventType.ORDER_PAID, order.paidAt, OrderMapper.toPaid(order, items)))
                .replaceWith(true);
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
        return outbox.enqueue(event(order, type, occurredAt, payload));
    }

    private static EventEnvelope<?> event(Order order, EventType type, Instant occurredAt, Object payload) {
        return EventEnvelope.of(UUID.randomUUID(), occurredAt, type, PRODUCER, order.customerId, payload);
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
