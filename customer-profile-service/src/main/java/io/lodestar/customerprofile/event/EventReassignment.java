package io.lodestar.customerprofile.event;

import java.time.Instant;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.customerprofile.ProfileEvents;
import io.lodestar.customerprofile.identity.IdentityType;
import io.lodestar.platform.outbox.OutboxService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves stored behaviour events from one subject to another, inside the caller's transaction: a merge moves the
 * merged customer's events to the survivor, and linking an id stitches the anonymous visitor it was seen as.
 */
@ApplicationScoped
public class EventReassignment {

    private final OutboxService outbox;

    public EventReassignment(OutboxService outbox) {
        this.outbox = outbox;
    }

    /**
     * Moves every event of {@code fromId}, and its activity counters (added to the target's), to
     * {@code toCustomerId}; returns how many events moved.
     */
    public Uni<Integer> moveEvents(String fromId, String toCustomerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO customer_activity (customer_id, dimension, key, events, last_at)
                        SELECT ?1, dimension, key, events, last_at FROM customer_activity WHERE customer_id = ?2
                        ON CONFLICT (customer_id, dimension, key) DO UPDATE
                            SET events = customer_activity.events + EXCLUDED.events,
                                last_at = greatest(customer_activity.last_at, EXCLUDED.last_at)""")
                .setParameter(1, toCustomerId)
                .setParameter(2, fromId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("DELETE FROM customer_activity WHERE customer_id = ?1")
                        .setParameter(1, fromId)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(
                                "UPDATE behaviour_event SET customer_id = ?1, anonymous = false WHERE customer_id = ?2")
                        .setParameter(1, toCustomerId)
                        .setParameter(2, fromId)
                        .executeUpdate()));
    }

    /**
     * Erasure: the customer's events stay for aggregate statistics under an unlinkable anonymous id, and the
     * personal counters of the 360 view are deleted.
     */
    public Uni<Integer> anonymiseEvents(String customerId, String anonymousId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM customer_activity WHERE customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("DELETE FROM anonymous_visitor WHERE stitched_to = ?1")
                        .setParameter(1, customerId)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(
                                "UPDATE behaviour_event SET customer_id = ?1, anonymous = true WHERE customer_id = ?2")
                        .setParameter(1, anonymousId)
                        .setParameter(2, customerId)
                        .executeUpdate()));
    }

    /**
     * When an external id is linked to a customer, the anonymous visitor seen under that id (if any, and not yet
     * stitched) becomes the customer: its events move, and {@code identity.merged} tells the other services to
     * fold the visitor into the customer. The visitor row is locked, so a batch recording events for the visitor
     * either commits first (and its events move) or waits and then records them for the customer.
     *
     * @return how many events moved
     */
    public Uni<Integer> stitchVisitor(IdentityType type, String storedKey, String customerId) {
        String visitorId = EventStore.anonymousId(WireNames.of(type), storedKey);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT anonymous_id FROM anonymous_visitor WHERE anonymous_id = ?1 AND stitched_to IS NULL "
                                + "FOR UPDATE", String.class)
                .setParameter(1, visitorId)
                .getResultList()
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(0) : moveEvents(visitorId, customerId)
                        .call(() -> session.createNativeQuery(
                                        "UPDATE anonymous_visitor SET stitched_to = ?1 WHERE anonymous_id = ?2")
                                .setParameter(1, customerId)
                                .setParameter(2, visitorId)
                                .executeUpdate())
                        .call(() -> outbox.enqueue(EventEnvelope.of(EventType.IDENTITY_MERGED, ProfileEvents.PRODUCER,
                                customerId, new CustomersMerged(customerId, visitorId, Instant.now()))))));
    }
}
