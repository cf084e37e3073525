package io.lodestar.customerprofile.feedback;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerFeedbackRepository implements PanacheRepositoryBase<CustomerFeedback, UUID> {

    public Uni<List<CustomerFeedback>> findByCustomer(String customerId) {
        return list("customerId = ?1 order by givenAt desc", customerId);
    }

    public Uni<Integer> reassign(String fromCustomerId, String toCustomerId) {
        return update("customerId = ?1 where customerId = ?2", toCustomerId, fromCustomerId);
    }

    public Uni<Long> deleteByCustomer(String customerId) {
        return delete("customerId", customerId);
    }
}
