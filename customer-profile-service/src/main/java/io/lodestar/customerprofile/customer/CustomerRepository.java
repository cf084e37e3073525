package io.lodestar.customerprofile.customer;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, String> {

    /** Loads a profile and locks its row until the transaction ends, so concurrent changes to it serialise. */
    public Uni<Customer> findForUpdate(String customerId) {
        return findLocked(customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The profile with its row locked in {@code mode}. A query, not findById(id, lock): for a profile already in the
     * session Hibernate 7.2 locks it with SQL naming the property instead of the column ("select customerId from
     * customer ... for update"), which PostgreSQL refuses. A locking query is always right.
     */
    public Uni<Customer> findLocked(String customerId, LockModeType mode) {
        return find("customerId = ?1", customerId).withLock(mode).firstResult();
    }

    /** Active profiles matching the query, in customer-id order after the cursor, at most {@code limit} rows. */
    public Uni<List<Customer>> findPage(CustomerQuery query, int limit) {
        StringBuilder where = new StringBuilder("status = :active");
        Parameters params = Parameters.with("active", Customer.CustomerStatus.ACTIVE);
        and(where, params, "customerId > :after", "after", query.afterCustomerId());
        and(where, params, "cityTier = :cityTier", "cityTier", query.cityTier());
        and(where, params, "region = :region", "region", query.region());
        and(where, params, "memberTier = :memberTier", "memberTier", query.memberTier());
        and(where, params, "registrationChannel = :channel", "channel", query.registrationChannel());
        and(where, params, "registeredAt >= :from", "from", query.registeredFrom());
        and(where, params, "registeredAt < :to", "to", query.registeredTo());
        and(where, params, "birthDate >= :bornFrom", "bornFrom", query.bornOnOrAfter());
        and(where, params, "birthDate <= :bornTo", "bornTo", query.bornOnOrBefore());
        return find(where + " order by customerId", params).page(0, limit).list();
    }

    /** Adds {@code clause} to the query when its filter is set ("any" otherwise). */
    private static void and(StringBuilder where, Parameters params, String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            params.and(name, value);
        }
    }
}
