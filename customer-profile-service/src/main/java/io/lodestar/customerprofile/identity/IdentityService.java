package io.lodestar.customerprofile.identity;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.WireNames;
import io.lodestar.customerprofile.customer.Customer;
import io.lodestar.customerprofile.customer.CustomerRepository;
import io.lodestar.customerprofile.event.EventReassignment;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Links external ids to customers and resolves them; one id belongs to at most one customer. */
@ApplicationScoped
public class IdentityService {

    private final IdentityRepository identities;
    private final CustomerRepository customers;
    private final IdentityHasher hasher;
    private final EventReassignment events;

    public IdentityService(IdentityRepository identities, CustomerRepository customers, IdentityHasher hasher,
            EventReassignment events) {
        this.identities = identities;
        this.customers = customers;
        this.hasher = hasher;
        this.events = events;
    }

    /**
     * Links an id to an active customer: created, or already linked to this customer (idempotent). An id linked to
     * another customer is a conflict — the two profiles are the same person, which is what a merge is for.
     * Events recorded earlier under this id's anonymous visitor are stitched to the customer.
     */
    @WithTransaction
    public Uni<LinkResult> link(String customerId, @NotNull @Valid LinkIdentityRequest request) {
        return Uni.createFrom().item(() -> hasher.key(request.type(), request.value(), "value"))
                .chain(key -> customers.findLocked(customerId, jakarta.persistence.LockModeType.PESSIMISTIC_READ)
                        .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                        .invoke(Customer::requireActive)
                        .chain(customer -> identities.findByKey(request.type(), key))
                        .chain(existing -> {
                            if (existing == null) {
                                Identity identity = new Identity();
                                identity.type(request.type());
                                identity.value = key;
                                identity.customerId = customerId;
                                identity.source = request.source();
                                identity.linkedAt = Instant.now();
                                return identities.persist(identity)
                                        .call(saved -> events.stitchVisitor(request.type(), key, customerId))
                                        .map(saved -> new LinkResult(IdentityView.of(saved), true));
                            }
                            if (!existing.customerId.equals(customerId)) {
                                return Uni.createFrom().failure(new ConflictException("this "
                                        + WireNames.of(request.type()) + " is linked to another customer; "
                                        + "merge the two profiles instead (POST /customers/merge)"));
                            }
                            return Uni.createFrom().item(new LinkResult(IdentityView.of(existing), false));
                        }));
    }

    @WithSession
    public Uni<List<IdentityView>> listOf(String customerId) {
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                .chain(customer -> identities.findByCustomer(customerId))
                .map(list -> list.stream().map(IdentityView::of).toList());
    }

    /** Whom an id (given in clear, hashed here when personal) belongs to; 404 when nobody. */
    @WithSession
    public Uni<ResolvedIdentity> resolve(String type, String value) {
        return Uni.createFrom().item(() -> {
            IdentityType parsed = WireNames.parse(IdentityType.class, type).orElseThrow(() ->
                    new InvalidInputException("type", "must be one of " + WireNames.all(IdentityType.class)));
            return Identity.Key.of(parsed, hasher.key(parsed, value, "value"));
        }).chain(key -> identities.findById(key))
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("no customer has this " + type))
                .map(identity -> new ResolvedIdentity(identity.type(), identity.customerId));
    }

    /** Moves every identity of a merged customer to the survivor; runs inside the merge's transaction. */
    public Uni<Integer> moveToSurvivor(String mergedId, String survivorId) {
        return identities.reassign(mergedId, survivorId);
    }

}
