package io.lodestar.customerprofile.order;

import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The order aggregate in PostgreSQL: orders, their lines, refunds and refunded lines. Lines and refunds are
 * read by explicit queries for a whole page of orders at once (three queries, however many orders).
 */
@ApplicationScoped
@WithSession
public class OrderRepository implements PanacheRepositoryBase<Order, String> {

    /** First key of the two-key advisory locks this feature takes (ASCII "ordr"); the second is the id's hash. */
    static final int ORDER_ID_LOCK = 0x6f726472;

    private static final String NEWEST_FIRST = " order by placedAt desc, orderId desc";

    /**
     * Serialises the placements of one orderId until the end of the current transaction, so that two requests
     * racing with the same new orderId end as one insert and one idempotent answer (or 409), never as a 500 from
     * the primary key. Collisions of the hash only make unrelated placements wait for each other briefly.
     */
    public Uni<Void> lockOrderId(String orderId) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT true FROM pg_advisory_xact_lock(?1, hashtext(?2))", Boolean.class)
                .setParameter(1, ORDER_ID_LOCK)
                .setParameter(2, orderId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** The order, its row locked until the transaction ends: payments and refunds of one order run one by one. */
    public Uni<Order> findForUpdate(String orderId) {
        // A query, not findById(id, lock): for an order already in the session (placed, then paid, in one
        // transaction) Hibernate 7.2 locks it with SQL naming the property instead of the column ("select orderId
        // from orders ... for no key update"), which PostgreSQL refuses. A locking query is always right.
        return find("orderId = ?1", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** One page of a customer's orders, newest first, starting after {@code after} (null: from the newest). */
    public Uni<List<Order>> findPageOfCustomer(String customerId, OrderCursor after, int size) {
        if (after == null) {
            return find("customerId = ?1" + NEWEST_FIRST, customerId).page(0, size).list();
        }
        return find("customerId = ?1 and (placedAt < ?2 or (placedAt = ?2 and orderId < ?3))" + NEWEST_FIRST,
                customerId, after.placedAt(), after.orderId()).page(0, size).list();
    }

    public Uni<List<OrderItem>> findItems(Collection<String> orderIds) {
        return listOf(OrderItem.class, "from OrderItem where orderId in :ids order by orderId, lineNo", orderIds);
    }

    public Uni<List<Refund>> findRefunds(Collection<String> orderIds) {
        return listOf(Refund.class, "from Refund where orderId in :ids order by orderId, recordedAt, refundId",
                orderIds);
    }

    public Uni<List<RefundItem>> findRefundItems(Collection<String> orderIds) {
        return listOf(RefundItem.class,
                "from RefundItem where orderId in :ids order by orderId, refundId, lineNo", orderIds);
    }

    public Uni<Refund> findRefund(String orderId, String refundId) {
        return getSession().chain(session -> session.find(Refund.class, new Refund.Key(orderId, refundId)));
    }

    /**
     * Inserts a new row of the aggregate with its children and flushes, so that a violated constraint fails the
     * caller's chain here rather than at commit.
     */
    public Uni<Void> insert(Object parent, List<?> children) {
        Object[] entities = new Object[children.size() + 1];
        entities[0] = parent;
        for (int i = 0; i < children.size(); i++) {
            entities[i + 1] = children.get(i);
        }
        return getSession().chain(session -> session.persistAll(entities).chain(session::flush));
    }

    /** Gives every order of {@code fromCustomerId} to {@code toCustomerId}; answers how many orders changed. */
    public Uni<Integer> replaceCustomerId(String fromCustomerId, String toCustomerId) {
        return update("customerId = ?1 where customerId = ?2", toCustomerId, fromCustomerId);
    }

    private <T> Uni<List<T>> listOf(Class<T> type, String hql, Collection<String> orderIds) {
        return getSession().chain(session -> session.createSelectionQuery(hql, type)
                .setParameter("ids", orderIds)
                .getResultList());
    }
}
