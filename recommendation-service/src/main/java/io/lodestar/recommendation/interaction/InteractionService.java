package io.lodestar.recommendation.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.lodestar.recommendation.analytics.CtrService;
import io.lodestar.recommendation.analytics.ProductAnalyticsService;
import io.lodestar.recommendation.analytics.ProductDayDelta;
import io.lodestar.recommendation.catalogue.ItemRepository;
import io.lodestar.recommendation.serving.RecommendationCache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import io.lodestar.platform.problem.InvalidInputException;
import java.util.Optional;

/**
 * Keeps the interactions models learn from and serving reads, from the profile service's topics. Each {@code apply}
 * runs in one transaction with the consumer's processed-event marker, so a redelivered event changes nothing; each row
 * also has a natural key (event id, item), so replaying the topics into an empty database rebuilds the same rows.
 *
 * <p>Guest orders are kept: they say which items sell together, even without a customer to recommend to. After a
 * commit the customer's cached recommendations are dropped, so their next request sees what they just did.
 */
@ApplicationScoped
public class InteractionService {

    static final String EVENTS_CONSUMER = "recommendation.customer-events";
    static final String ORDERS_CONSUMER = "recommendation.orders";
    static final String CUSTOMERS_CONSUMER = "recommendation.customers";
    static final String IDENTITY_CONSUMER = "recommendation.identity";

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final InteractionRepository interactions;
    private final ItemRepository items;
    private final RecommendationCache cache;
    private final CtrService ctrs;
    private final ProductAnalyticsService products;

    public InteractionService(Pool pool, IdempotentConsumerGuard guard, InteractionRepository interactions,
                              ItemRepository items, RecommendationCache cache, CtrService ctrs,
                              ProductAnalyticsService products) {
        this.ctrs = ctrs;
        this.products = products;
        this.pool = pool;
        this.guard = guard;
        this.interactions = interactions;
        this.items = items;
        this.cache = cache;
    }

    /**
     * A behaviour event about an item becomes an interaction; events without an item are not interactions. A
     * recommendation impression or click carrying its recommendationId is also credited to the model that served it.
     */
    public Uni<Void> applyBehaviourEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof BehaviourRecorded behaviour) || behaviour.itemId() == null) {
            return Uni.createFrom().voidItem();
        }
        Optional<InteractionKind> kind = InteractionKind.of(behaviour.behaviour());
        boolean counted = CtrService.counts(behaviour);
        Map<String, ProductDayDelta> figures = new LinkedHashMap<>();
        ProductDayDelta.ofBehaviour(behaviour).ifPresent(delta -> figures.put(delta.itemId(), delta));
        if (kind.isEmpty() && !counted && figures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // An impression alone changes nothing a list depends on: it keeps the customer's cached list.
        return once(EVENTS_CONSUMER, event, behaviour.customerId(), kind.isPresent(), (connection, customerId) -> {
            Uni<Void> ctr = counted ? ctrs.count(connection, behaviour) : Uni.createFrom().voidItem();
            // An impression is no interaction row: its figures count under the processed-event marker alone.
            return ctr.chain(() -> kind.isEmpty() ? products.record(connection, figures.values())
                    : record(connection, singleItem(behaviour.itemId(), behaviour.category()),
                            List.of(new Interaction(event.eventId(), customerId, behaviour.itemId(), kind.get(), 1,
                                    WireNames.of(behaviour.channel()), null, behaviour.occurredAt())), figures));
        });
    }

    /**
     * A paid order adds one interaction per distinct item (units summed over its lines); a refund adds a negative one
     * per refunded item, or per item of the whole order when it names no lines. Placed and cancelled orders are not
     * purchases.
     */
    public Uni<Void> applyOrderEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof OrderPaid paid) {
            String channel = paid.channel() == null ? null : WireNames.of(paid.channel());
            return once(ORDERS_CONSUMER, event, paid.customerId(), (connection, customerId) -> {
                Map<String, Integer> units = unitsByItem(paid.lines());
                List<Interaction> rows = new ArrayList<>();
                units.forEach((item, quantity) -> rows.add(new Interaction(event.eventId(), customerId, item,
                        InteractionKind.ORDER, quantity, channel, paid.orderId(), paid.paidAt())));
                return record(connection, categories(paid.lines()), rows, ProductDayDelta.ofPaid(paid));
            });
        }
        if (event.payload() instanceof OrderRefunded refund) {
            return once(ORDERS_CONSUMER, event, refund.customerId(), (connection, customerId) -> {
                Uni<Map<String, Integer>> refunded = refund.lines().isEmpty()
                        ? interactions.orderLines(connection, refund.orderId()).map(lines -> {
                            Map<String, Integer> units = new LinkedHashMap<>();
                            lines.forEach(line -> units.put(line.itemId(), line.quantity()));
                            return units;
                        })
                        : Uni.createFrom().item(unitsByItem(refund.lines()));
                return refunded.chain(units -> {
                    List<Interaction> rows = new ArrayList<>();
                    units.forEach((item, quantity) -> rows.add(new Interaction(event.eventId(), customerId, item,
                            InteractionKind.REFUND, quantity, null, refund.orderId(), refund.refundedAt())));
                    return record(connection, categories(refund.lines()), rows,
                            ProductDayDelta.ofRefund(refund, units));
                });
            });
        }
        return Uni.createFrom().voidItem();
    }

    /** A profile snapshot gives cold start the customer's region and birth date (the age band). */
    public Uni<Void> applyCustomerEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof CustomerUpserted customer)) {
            return Uni.createFrom().voidItem();
        }
        // A snapshot of an id merged since then is the profile service's last word before the merge: dropped.
        return once(CUSTOMERS_CONSUMER, event, customer.customerId(), (connection, customerId) ->
                customerId.equals(customer.customerId())
                        ? interactions.upsertContext(connection, customerId, customer.region(), customer.birthDate(),
                                customer.updatedAt())
                        : Uni.createFrom().voidItem());
    }

    /** A merge moves the merged customer's interactions to the survivor; an erasure forgets the customer. */
    public Uni<Void> applyIdentityEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof CustomersMerged merged) {
            return pool.withTransaction(connection -> guard.once(connection, IDENTITY_CONSUMER, event, () ->
                            interactions.resolve(connection, merged.survivorId()).chain(survivor -> survivor.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : interactions.merge(connection, survivor.get(), merged.mergedId(),
                                            merged.mergedAt()))))
                    .call(() -> cache.invalidate(merged.survivorId()))
                    .call(() -> cache.invalidate(merged.mergedId()))
                    .replaceWithVoid();
        }
        if (event.payload() instanceof CustomerErased erased) {
            return pool.withTransaction(connection -> guard.once(connection, IDENTITY_CONSUMER, event, () ->
                            interactions.erase(connection, erased.customerId(), erased.erasedAt())))
                    .call(() -> cache.invalidate(erased.customerId()))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Writes the interaction rows (and stubs for unknown items), then adds the items' product figures for the rows
     * that insert actually wrote.
     */
    private Uni<Void> record(SqlConnection connection, Map<String, String> categoryByItem, List<Interaction> rows,
                             Map<String, ProductDayDelta> figures) {
        Map<String, String> named = new LinkedHashMap<>();
        rows.forEach(row -> named.put(row.itemId(), categoryByItem.get(row.itemId())));
        return items.ensureStubs(connection, named).chain(() -> interactions.insert(connection, rows))
                .chain(inserted -> products.record(connection, figures.values().stream()
                        .filter(delta -> inserted.contains(delta.itemId())).toList()));
    }

    /**
     * Runs {@code effect} once per event, in one transaction with the marker, for the customer's current id — unless
     * the customer was erased — and then drops that customer's cached recommendations.
     */
    private Uni<Void> once(String consumer, EventEnvelope<?> event, String subject,
                           BiFunction<SqlConnection, String, Uni<Void>> effect) {
        return once(consumer, event, subject, true, effect);
    }

    private Uni<Void> once(String consumer, EventEnvelope<?> event, String subject, boolean invalidates,
                           BiFunction<SqlConnection, String, Uni<Void>> effect) {
        return pool.withTransaction(connection -> guard.once(connection, consumer, event, () ->
                        interactions.resolve(connection, subject).chain(customerId -> {
                            if (customerId.isEmpty()) {
                                Log.debugf("%s: %s about erased customer %s dropped", consumer, event.type(), subject);
                                return Uni.createFrom().voidItem();
                            }
                            Uni<Void> applied = effect.apply(connection, customerId.get());
                            return invalidates ? applied.chain(() -> cache.invalidate(customerId.get())) : applied;
                        })))
                .replaceWithVoid();
    }

    private static Map<String, Integer> unitsByItem(List<OrderLine> lines) {
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.itemId(), Math.max(line.quantity(), 1), Integer::sum));
        return units;
    }

    private static Map<String, String> categories(List<OrderLine> lines) {
        Map<String, String> byItem = new LinkedHashMap<>();
        lines.forEach(line -> byItem.putIfAbsent(line.itemId(), line.category()));
        return byItem;
    }

    private static Map<String, String> singleItem(String itemId, String category) {
        Map<String, String> byItem = new LinkedHashMap<>();
        byItem.put(itemId, category);
        return byItem;
    }

    /** A customer's latest interactions, newest first (what serving reads, for operators to check). */
    public Uni<List<Interaction>> latest(String customerId, int limit) {
        if (limit < 1 || limit > 1000) {
            return Uni.createFrom().failure(new InvalidInputException("limit",
                    "must be 1 to 1000, was " + limit));
        }
        return pool.withConnection(connection -> interactions.latest(connection, customerId, Instant.EPOCH, limit));
    }

    /** Records "not interested" for the customer (a hidden item and a negative interaction); idempotent. */
    public Uni<Void> hide(String customerId, String itemId) {
        Instant now = Instant.now();
        return pool.withTransaction(connection -> interactions.hide(connection, customerId, itemId, now)
                        .chain(() -> interactions.insert(connection, List.of(new Interaction(
                                InteractionRepository.notInterestedEventId(customerId, itemId), customerId, itemId,
                                InteractionKind.NOT_INTERESTED, 1, null, null, now)))))
                .call(() -> cache.invalidate(customerId)).replaceWithVoid();
    }

    /** Withdraws a "not interested"; idempotent. */
    public Uni<Void> unhide(String customerId, String itemId) {
        return pool.withTransaction(connection -> interactions.unhide(connection, customerId, itemId)
                        .chain(() -> interactions.deleteNotInterested(connection, customerId, itemId)))
                .call(() -> cache.invalidate(customerId));
    }
}
