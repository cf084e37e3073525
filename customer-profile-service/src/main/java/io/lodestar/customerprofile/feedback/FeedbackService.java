package io.lodestar.customerprofile.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.behaviour.CustomerFeedbackGiven;
import io.lodestar.customerprofile.ProfileEvents;
import io.lodestar.customerprofile.customer.Customer;
import io.lodestar.customerprofile.customer.CustomerRepository;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Records NPS, satisfaction scores and complaints, and publishes them (without the comment text). */
@ApplicationScoped
public class FeedbackService {

    private final CustomerFeedbackRepository feedback;
    private final CustomerRepository customers;
    private final OutboxService outbox;

    public FeedbackService(CustomerFeedbackRepository feedback, CustomerRepository customers, OutboxService outbox) {
        this.feedback = feedback;
        this.customers = customers;
        this.outbox = outbox;
    }

    /** @return the feedback, and whether this request recorded it (false: its feedbackId was already known) */
    @WithTransaction
    public Uni<Recorded> give(String customerId, @NotNull @Valid GiveFeedbackRequest request) {
        return Uni.createFrom().item(() -> validated(request)).chain(valid -> customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                .invoke(Customer::requireActive)
                .chain(customer -> feedback.findById(valid.feedbackId()))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Recorded(FeedbackView.of(existing), false));
                    }
                    CustomerFeedback f = new CustomerFeedback();
                    f.feedbackId = valid.feedbackId();
                    f.customerId = customerId;
                    f.kind = valid.kind();
                    f.score = valid.score();
                    f.category = valid.category();
                    f.comment = valid.comment();
                    f.channel = valid.channel();
                    f.orderId = valid.orderId();
                    f.givenAt = valid.givenAt();
                    return feedback.persist(f)
                            .call(saved -> outbox.enqueue(EventEnvelope.of(f.feedbackId, f.givenAt,
                                    EventType.CUSTOMER_FEEDBACK_GIVEN, ProfileEvents.PRODUCER, customerId,
                                    new CustomerFeedbackGiven(f.feedbackId.toString(), customerId, f.kind, f.score,
                                            f.category, f.channel, f.orderId, f.givenAt))))
                            .map(saved -> new Recorded(FeedbackView.of(saved), true));
                }));
    }

    public record Recorded(FeedbackView feedback, boolean created) {
    }

    /** Scales differ by kind; fills the defaults (id, time). */
    private static GiveFeedbackRequest validated(GiveFeedbackRequest r) {
        switch (r.kind()) {
            case NPS -> {
                if (r.score() == null) {
                    throw new InvalidInputException("score", "is required for nps (0 to 10)");
                }
            }
            case CSAT -> {
                if (r.score() == null || r.score() < 1 || r.score() > 5) {
                    throw new InvalidInputException("score", "must be 1 to 5 for csat");
                }
            }
            case COMPLAINT -> {
                if (r.score() != null && (r.score() < 1 || r.score() > 5)) {
                    throw new InvalidInputException("score", "is an optional severity of 1 to 5 for a complaint");
                }
            }
        }
        Instant now = Instant.now();
        if (r.givenAt() != null && r.givenAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("givenAt", "is more than 5 minutes in the future");
        }
        return new GiveFeedbackRequest(r.feedbackId() == null ? UUID.randomUUID() : r.feedbackId(), r.kind(),
                r.score(), r.category(), r.comment(), r.channel(), r.orderId(),
                r.givenAt() == null ? now : r.givenAt());
    }
}
