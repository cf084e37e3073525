package io.lodestar.customerprofile.consent;

import java.util.List;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<CustomerConsent, CustomerConsent.Key> {

    public Uni<CustomerConsent> findOne(String customerId, MessageChannel channel) {
        return findById(new CustomerConsent.Key(customerId, WireNames.of(channel)));
    }

    public Uni<List<CustomerConsent>> findByCustomer(String customerId) {
        return list("customerId = ?1 order by channelName", customerId);
    }

    public Uni<Long> deleteByCustomer(String customerId) {
        return delete("customerId", customerId);
    }
}
