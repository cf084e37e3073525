package io.lodestar.segmentation.feature;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.customer.GuestCustomers;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.lodestar.segmentation.analytics.TrafficRepository;
import io.quarkus.logging.Log;
import io.lodestar.segmentation.tag.SegmentTagService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the customer facts and lifetime features from the profile service's topics. Each {@code apply} runs in one
 * transaction with the consumer's processed-event marker, so a redelivered event changes nothing; a fact also has a
 * natural key (order id, refund event id, behaviour event id), so replaying the topics from the start into an empty
 * database rebuilds the same rows.
 * <p>
 * Guest orders ({@link GuestCustomers}) and anonymous visitors are not customers and are left out. Facts about a
 * merged customer go to the survivor; facts about an erased customer are dropped.
 */
@ApplicationScoped
public class FeatureService {

    static final String ORDERS_CONSUMER = "segmentation.orders";
    static final String EVENTS_CONSUMER = "segmentation.customer-events";
    static final String CUSTOMERS_CONSUMER = "segmentation.customers";
    static final String IDENTITY_CONSUMER = "segmentation.identity";

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final FeatureRepository features;
    private final SegmentTagService tags;
    private final TrafficRepository traffic;

    public FeatureService(Pool pool, IdempotentConsumerGuard guard, FeatureRepository features,
                          SegmentTagService tags, TrafficRepository traffic) {
        this.pool = pool;
        this.guard = guard;
        this.features = features;
        this.tags = tags;
        this.traffic = traffic;
    }

    /** {@code order.paid} adds an order, {@code order.refunded} deducts spend; placed and cancelled change nothing. */
    public Uni<Void> applyOrderEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof OrderPaid paid) {
            return once(ORDERS_CONSUMER, event, paid.customerId(), (connection, customerId) ->
                    features.insertPaidOrder(connection, PaidOrderFact.of(paid, customerId)).chain(inserted -> inserted
                            ? features.addPaidOrder(connection, PaidOrderFact.of(paid, customerId))
                            : Uni.createFrom().voidItem()));
        }
        if (event.payload() instanceof OrderRefunded refund) {
            return once(ORDERS_CONSUMER, event, refund.customerId(), (connection, customerId) ->
                    features.insertRefund(connection, event.eventId(), refund.orderId(), customerId,
                                    refund.refundedAt(), refund.refundAmount().abs())
                            .chain(inserted -> inserted
                                    ? features.addRefund(connection, customerId, refund.refundAmount().abs())
                                    : Uni.createFrom().voidItem()));
        }
        return Uni.createFrom().voidItem(); // placed, cancelled: a customer's value counts paid orders only
    }

    /** A customer's behaviour event adds to their counters; a visitor's (anonymous) is left out. */
    public Uni<Void> applyBehaviourEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof BehaviourRecorded behaviour) || behaviour.anonymous()) {
            return Uni.createFrom().voidItem();
        }
        return once(EVENTS_CONSUMER, event, behaviour.customerId(), (connection, customerId) -> {
            BehaviourFact fact = BehaviourFact.of(event.eventId(), behaviour, customerId);
            return features.insertBehaviour(connection, fact).chain(inserted -> inserted
                    ? features.addBehaviour(connection, fact)
                    : Uni.createFrom().voidItem());
        });
    }

    /** A profile snapshot replaces the stored attributes unless it is older than them. */
    public Uni<Void> applyCustomerEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof CustomerUpserted customer)) {
            return Uni.createFrom().voidItem();
        }
        // The snapshot names its own id: a snapshot of a merged id is the profile service's last word on it
        // before the merge and is dropped by the resolution below like any late fact.
        return once(CUSTOMERS_CONSUMER, event, customer.customerId(), (connection, customerId) ->
                customerId.equals(customer.customerId())
                        ? features.upsertAttributes(connection, customer)
                        : Uni.createFrom().voidItem());
    }

    /**
     * A merge moves the merged customer's facts and traffic rows to the survivor (late facts and traffic of the merged
     * id follow through {@code customer_alias}); an erasure forgets the customer and re-keys their traffic rows to an
     * unlinkable id.
     */
    public Uni<Void> applyIdentityEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof CustomersMerged merged) {
            return pool.withTransaction(connection -> guard.once(connection, IDENTITY_CONSUMER, event, () ->
                            features.resolve(connection, merged.survivorId()).chain(survivor -> survivor.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : features.merge(connection, survivor.get(), merged.mergedId(), merged.mergedAt())
                                            .chain(() -> traffic.merge(connection, survivor.get(),
                                                    merged.mergedId())))))
                    .replaceWithVoid();
        }
        if (event.payload() instanceof CustomerErased erased) {
            // Traffic figures stay, under an unlinkable id; the HyperLogLogs hold no ids to erase.
            String pseudonym = "erased-" + UUID.randomUUID();
            return pool.withTransaction(connection -> guard.once(connection, IDENTITY_CONSUMER, event, () ->
                            features.erase(connection, erased.customerId(), erased.erasedAt())
                                    .chain(() -> traffic.pseudonymise(connection, erased.customerId(), pseudonym))))
                    .chain(() -> tags.forget(erased.customerId()));
        }
        return Uni.createFrom().voidItem();
    }

    /** Reads one customer's features as the view derives them. */
    public Uni<Optional<CustomerFeaturesView>> find(String customerId) {
        return pool.withConnection(connection -> features.find(connection, customerId));
    }

    /** Recomputes one customer's features from the facts (what the incremental updates must agree with). */
    public Uni<Void> rebuild(String customerId) {
        return pool.withTransaction(connection -> features.rebuild(connection, customerId));
    }

    /**
     * Runs {@code effect} once per event, in one transaction with the marker, for the customer's current id — unless
     * the subject is a guest or an erased customer.
     */
    private Uni<Void> once(String consumer, EventEnvelope<?> event, String subject,
                           BiFunction<SqlConnection, String, Uni<Void>> effect) {
        if (GuestCustomers.isGuest(subject)) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> guard.once(connection, consumer, event, () ->
                        features.resolve(connection, subject).chain(customerId -> {
                            if (customerId.isEmpty()) {
                                Log.debugf("%s: %s about erased customer %s dropped", consumer, event.type(), subject);
                                return Uni.createFrom().voidItem();
                            }
                            return effect.apply(connection, customerId.get());
                        })))
                .replaceWithVoid();
    }
}
