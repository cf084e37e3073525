package io.lodestar.customerprofile.customer360;

import java.time.Instant;

import io.lodestar.contracts.behaviour.CustomerFeedbackKind;
import io.lodestar.customerprofile.consent.ConsentRepository;
import io.lodestar.customerprofile.consent.ConsentView;
import io.lodestar.customerprofile.customer.CustomerMapper;
import io.lodestar.customerprofile.customer.CustomerRepository;
import io.lodestar.customerprofile.customer360.Customer360View.FeedbackSummary;
import io.lodestar.customerprofile.customer360.Customer360View.Score;
import io.lodestar.customerprofile.feedback.CustomerFeedback;
import io.lodestar.customerprofile.feedback.CustomerFeedbackRepository;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Assembles the customer 360 view from the profile, the aggregates and the segment tags. */
@ApplicationScoped
public class Customer360Service {

    private final CustomerRepository customers;
    private final CustomerMapper mapper;
    private final ConsentRepository consents;
    private final CustomerFeedbackRepository feedback;
    private final Customer360Queries queries;
    private final SegmentTagReader tags;

    public Customer360Service(CustomerRepository customers, CustomerMapper mapper, ConsentRepository consents,
            CustomerFeedbackRepository feedback, Customer360Queries queries, SegmentTagReader tags) {
        this.customers = customers;
        this.mapper = mapper;
        this.consents = consents;
        this.feedback = feedback;
        this.queries = queries;
        this.tags = tags;
    }

    /**
     * The session part (profile, consents, feedback) is read first and its connection given back; then the aggregates
     * are read on one connection while the Redis tags are fetched. A request never holds a connection while waiting
     * for a second one, so concurrent requests cannot starve each other of the pool.
     */
    public Uni<Customer360View> view(String customerId) {
        Uni<Customer360View> sessionPart = Panache.withSession(() -> customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                .chain(customer -> consents.findByCustomer(customerId)
                        .chain(consentList -> feedbackSummary(customerId)
                                .map(feedbackSummary -> new Customer360View(mapper.toView(customer), null, null,
                                        feedbackSummary, consentList.stream().map(ConsentView::of).toList(), null)))));
        return sessionPart.chain(profile -> Uni.combine().all()
                .unis(queries.aggregates(customerId, Instant.now()), tags.tagsOf(customerId))
                .asTuple()
                .map(t -> new Customer360View(profile.profile(), t.getItem1().orders(), t.getItem1().behaviour(),
                        profile.feedback(), profile.consents(), t.getItem2())));
    }

    private Uni<FeedbackSummary> feedbackSummary(String customerId) {
        return feedback.findLatest(customerId, CustomerFeedbackKind.NPS)
                .chain(nps -> feedback.findLatest(customerId, CustomerFeedbackKind.CSAT)
                        .chain(csat -> feedback.countComplaints(customerId)
                                .map(complaints -> new FeedbackSummary(score(nps), score(csat), complaints))));
    }

    private static Score score(CustomerFeedback f) {
        return f == null || f.score == null ? null : new Score(f.score, f.givenAt);
    }
}
