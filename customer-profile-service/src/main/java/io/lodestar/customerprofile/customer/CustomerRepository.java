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
        return findById(customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Active profiles matching the query, in customer-id order after the cursor, at most {@code limit} rows. */
    public Uni<List<Customer>> findPage(CustomerQuery query, int limit) {
        StringBuilder where = new StringBuilder("status = :active");
        Parameters params = Parameters.with("active", Customer.CustomerStatus.ACTIVE);
        if (query.afterCustomerId() != null) {
            where.append(" and customerId > :after");
            params.and("after", query.afterCustomerId());
        }
        if (query.cityTier() != null) {
            where.append(" and cityTier = :cityTier");
            params.and("cityTier", query.cityTier());
        }
        if (query.region() != null) {
            where.append(" and region = :region");
            params.and("region", query.region());
        }
        if (query.memberTier() != null) {
            where.append(" and memberTier = :memberTier");
            params.and("memberTier", query.memberTier());
        }
        if (query.registrationChannel() != null) {
            where.append(" and registrationChannel = :channel");
            params.and("channel", query.registrationChannel());
        }
        if (query.registeredFrom() != null) {
            where.append(" and registeredAt >= :from");
            params.and("from", query.registeredFrom());
        }
        if (query.registeredTo() != null) {
            where.append(" and registeredAt < :to");
            params.and("to", query.registeredTo());
        }
        if (query.bornOnOrAfter() != null) {
            where.append(" and birthDate between :bornFrom and :bornTo");
            params.and("bornFrom", query.bornOnOrAfter()).and("bornTo", query.bornOnOrBefore());
        }
        return find(where + " order by customerId", params).page(0, limit).list();
    }
}
