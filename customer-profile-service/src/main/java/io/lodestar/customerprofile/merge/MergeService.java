package io.lodestar.customerprofile.merge;

import java.time.Instant;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.customerprofile.ProfileEvents;
import io.lodestar.customerprofile.customer.Customer;
import io.lodestar.customerprofile.customer.CustomerRepository;
import io.lodestar.customerprofile.customer.CustomerService;
import io.lodestar.customerprofile.event.EventReassignment;
import io.lodestar.customerprofile.feedback.CustomerFeedbackRepository;
import io.lodestar.customerprofile.identity.IdentityService;
import io.lodestar.customerprofile.order.OrderService;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Merges one customer into another in a single transaction: identities, orders and events move to the survivor,
 * the merged profile points to it, and {@code identity.merged} is published so every other service re-keys.
 * Both profile rows are locked (in id order, so two merges cannot deadlock) and stay locked until commit; writers
 * of events and orders lock the profile too, so nothing written for the merged customer during a merge is lost.
 */
@ApplicationScoped
public class MergeService {

    private final CustomerRepository customers;
    private final CustomerService customerService;
    private final IdentityService identities;
    private final CustomerMergeRepository merges;
    private final OutboxService outbox;
    private final EventReassignment events;
    private final OrderService orders;
    private final CustomerFeedbackRepository feedback;

    public MergeService(CustomerRepository customers, CustomerService customerService, IdentityService identities,
            CustomerMergeRepository merges, OutboxService outbox, EventReassignment events, OrderService orders,
            CustomerFeedbackRepository feedback) {
        this.orders = orders;
        this.feedback = feedback;
        this.customers = customers;
        this.customerService = customerService;
        this.identities = identities;
        this.merges = merges;
        this.outbox = outbox;
        this.events = events;
    }

    /** Merges, or answers the earlier outcome when this exact merge already happened (idempotent). */
    @WithTransaction
    public Uni<MergeView> merge(@NotNull @Valid MergeRequest request) {
        if (request.survivorId().equals(request.mergedId())) {
            return Uni.createFrom().failure(new InvalidInputException("mergedId", "must differ from survivorId"));
        }
        boolean survivorFirst = request.survivorId().compareTo(request.mergedId()) < 0;
        String first = survivorFirst ? request.survivorId() : request.mergedId();
        String second = survivorFirst ? request.mergedId() : request.survivorId();
        return customers.findForUpdate(first).chain(a -> customers.findForUpdate(second).chain(b -> {
            Customer survivor = survivorFirst ? a : b;
            Customer merged = survivorFirst ? b : a;
            return merges.findById(request.mergedId()).chain(earlier -> {
                if (earlier != null) {
                    if (earlier.survivorId.equals(request.survivorId())) {
                        return Uni.createFrom().item(MergeView.of(earlier));
                    }
                    return Uni.createFrom().failure(new ConflictException("customer '" + request.mergedId()
                            + "' was already merged into '" + earlier.survivorId + "'"));
                }
                return mergeNow(requireActive(survivor, request.survivorId(), "survivorId"),
                        requireActive(merged, request.mergedId(), "mergedId"));
            });
        }));
    }

    private Uni<MergeView> mergeNow(Customer survivor, Customer merged) {
        CustomerMerge record = new CustomerMerge();
        record.mergedId = merged.customerId;
        record.survivorId = survivor.customerId;
        record.mergedAt = Instant.now();
        return identities.moveToSurvivor(merged.customerId, survivor.customerId)
                .invoke(moved -> record.identitiesMoved = moved)
                .chain(() -> events.moveEvents(merged.customerId, survivor.customerId))
                .invoke(moved -> record.eventsMoved = moved)
                .chain(() -> orders.reassignCustomer(merged.customerId, survivor.customerId))
                .invoke(moved -> record.ordersMoved = moved)
                .chain(() -> feedback.reassign(merged.customerId, survivor.customerId))
                .chain(() -> customerService.absorb(survivor, merged))
                .chain(() -> merges.persist(record))
                .chain(() -> outbox.enqueue(EventEnvelope.of(EventType.IDENTITY_MERGED, ProfileEvents.PRODUCER,
                        survivor.customerId,
                        new CustomersMerged(survivor.customerId, merged.customerId, record.mergedAt))))
                .map(ignored -> MergeView.of(record));
    }

    private static Customer requireActive(Customer customer, String customerId, String field) {
        if (customer == null) {
            throw new ResourceNotFoundException(field + ": customer '" + customerId + "' not found");
        }
        return customer.requireActive();
    }
}
