package io.lodestar.customerprofile.feedback;

import java.util.List;
import java.util.UUID;

import io.lodestar.contracts.behaviour.CustomerFeedbackKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerFeedbackRepository implements PanacheRepositoryBase<CustomerFeedback, UUID> {

    public Uni<CustomerFeedback> findLatest(String customerId, CustomerFeedbackKind kind) {
        return find("customerId = ?1 and kind = ?2 order by givenAt desc", customerId, kind).firstResult();
    }

    public Uni<List<CustomerFeedback>> findByCustomer(String customerId) {
        return list("customerId = ?1 order by givenAt desc", customerId);
    }

    public Uni<Long> countComplaints(String customerId) {
        return count("customerId = ?1 and kind = ?2", customerId, CustomerFeedbackKind.COMPLAINT);
    }

    public Uni<Integer> reassign(String fromCustomerId, String toCustomerId) {
        return update("customerId = ?1 where customerId = ?2", toCustomerId, fromCustomerId);
    }

    public Uni<Long> deleteByCustomer(String customerId) {
        return delete("customerId", customerId);
    }
}
