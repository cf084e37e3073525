package io.lodestar.customerprofile.identity;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<Identity, Identity.Key> {

    public Uni<Identity> findByKey(IdentityType type, String storedValue) {
        return findById(Identity.Key.of(type, storedValue));
    }

    public Uni<List<Identity>> findByCustomer(String customerId) {
        return list("customerId = ?1 order by typeName, linkedAt", customerId);
    }

    /** Moves every identity of one customer to another; returns how many moved. */
    public Uni<Integer> reassign(String fromCustomerId, String toCustomerId) {
        return update("customerId = ?1 where customerId = ?2", toCustomerId, fromCustomerId);
    }

    public Uni<Long> deleteByCustomer(String customerId) {
        return delete("customerId", customerId);
    }
}
