package io.lodestar.customerprofile.customer360;

import java.time.Instant;

import io.lodestar.customerprofile.customer.CustomerMapper;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Assembles the customer 360 view from the stored parts (one connection) and the segment tags (Redis). */
@ApplicationScoped
public class Customer360Service {

    private final CustomerMapper mapper;
    private final Customer360Queries queries;
    private final SegmentTagReader tags;

    public Customer360Service(CustomerMapper mapper, Customer360Queries queries, SegmentTagReader tags) {
        this.mapper = mapper;
        this.queries = queries;
        this.tags = tags;
    }

    public Uni<Customer360View> view(String customerId) {
        return Uni.combine().all()
                .unis(queries.read(customerId, Instant.now()), tags.tagsOf(customerId))
                .asTuple()
                .map(t -> {
                    Customer360Queries.Parts parts = t.getItem1();
                    if (parts == null) {
                        throw ResourceNotFoundException.of("customer", customerId);
                    }
                    return new Customer360View(mapper.toView(parts.profile()), parts.orders(), parts.behaviour(),
                            parts.feedback(), parts.consents(), t.getItem2());
                });
    }
}
