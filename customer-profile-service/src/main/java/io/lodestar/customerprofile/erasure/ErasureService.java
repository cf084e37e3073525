package io.lodestar.customerprofile.erasure;

import java.time.Instant;
import java.util.UUID;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.customerprofile.ProfileEvents;
import io.lodestar.customerprofile.consent.ConsentRepository;
import io.lodestar.customerprofile.customer.Customer;
import io.lodestar.customerprofile.customer.CustomerRepository;
import io.lodestar.customerprofile.customer.CustomerService;
import io.lodestar.customerprofile.event.EventReassignment;
import io.lodestar.customerprofile.feedback.CustomerFeedbackRepository;
import io.lodestar.customerprofile.identity.IdentityRepository;
import io.lodestar.customerprofile.order.OrderService;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The right to erasure, in one transaction: attributes, identity hashes, consents, feedback and the 360 counters
 * are deleted; orders and events stay for aggregate statistics under a new random id that nothing links back to
 * the person; {@code identity.erased} tells every other service to purge. Erasing twice changes nothing.
 */
@ApplicationScoped
public class ErasureService {

    private final CustomerRepository customers;
    private final CustomerService customerService;
    private final IdentityRepository identities;
    private final ConsentRepository consents;
    private final CustomerFeedbackRepository feedback;
    private final EventReassignment events;
    private final OrderService orders;
    private final OutboxService outbox;

    public ErasureService(CustomerRepository customers, CustomerService customerService, IdentityRepository identities,
            ConsentRepository consents, CustomerFeedbackRepository feedback, EventReassignment events,
            OrderService orders, OutboxService outbox) {
        this.customers = customers;
        this.customerService = customerService;
        this.identities = identities;
        this.consents = consents;
        this.feedback = feedback;
        this.events = events;
        this.orders = orders;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> erase(String customerId, String reason) {
        return customers.findForUpdate(customerId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                .chain(customer -> Customer.CustomerStatus.ERASED.equals(customer.status)
                        ? Uni.createFrom().voidItem()
                        : eraseNow(customer, reason));
    }

    private Uni<Void> eraseNow(Customer customer, String reason) {
        String id = customer.customerId;
        String anonymousId = "erased-" + UUID.randomUUID();
        return identities.deleteByCustomer(id)
                .chain(() -> consents.deleteByCustomer(id))
                .chain(() -> feedback.deleteByCustomer(id))
                .chain(() -> events.anonymiseEvents(id, anonymousId))
                .chain(() -> orders.anonymise(id, anonymousId))
                .chain(() -> customerService.clearForErasure(customer))
                .chain(() -> outbox.enqueue(EventEnvelope.of(EventType.IDENTITY_ERASED, ProfileEvents.PRODUCER, id,
                        new CustomerErased(id, Instant.now(), reason))));
    }
}
