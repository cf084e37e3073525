package io.lodestar.customerprofile.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.customerprofile.customer.Customer;
import io.lodestar.customerprofile.customer.CustomerRepository;
import io.lodestar.customerprofile.customer.CustomerService;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Per-channel contact consent. The latest decision wins (by its own timestamp, so a late-arriving older decision
 * changes nothing); every change republishes the profile snapshot, which carries the consents campaign-service
 * checks before sending.
 */
@ApplicationScoped
public class ConsentService {

    /** The consumer name under which campaign feedback is applied once per event. */
    static final String FEEDBACK_CONSUMER = "customer-profile.consent-from-feedback";
    static final String DEFAULT_PURPOSE = "marketing";

    private final ConsentRepository consents;
    private final CustomerRepository customers;
    private final CustomerService customerService;
    private final IdempotentConsumerGuard guard;

    public ConsentService(ConsentRepository consents, CustomerRepository customers, CustomerService customerService,
            IdempotentConsumerGuard guard) {
        this.consents = consents;
        this.customers = customers;
        this.customerService = customerService;
        this.guard = guard;
    }

    @WithTransaction
    public Uni<ConsentView> set(String customerId, String channel, @NotNull @Valid SetConsentRequest request) {
        return Uni.createFrom().item(() -> {
            MessageChannel parsed = WireNames.parse(MessageChannel.class, channel).orElseThrow(() ->
                    new InvalidInputException("channel", "must be one of " + WireNames.all(MessageChannel.class)));
            Instant now = Instant.now();
            Instant at = request.at() == null ? now : request.at();
            if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                throw new InvalidInputException("at", "is more than 5 minutes in the future");
            }
            return new Decision(parsed, request.granted(),
                    request.purpose() == null ? DEFAULT_PURPOSE : request.purpose(), request.source(), at);
        }).chain(decision -> apply(customerId, decision, true)).map(ConsentView::of);
    }

    @WithSession
    public Uni<List<ConsentView>> listOf(String customerId) {
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ResourceNotFoundException.of("customer", customerId))
                .chain(customer -> consents.findByCustomer(customerId))
                .map(list -> list.stream().map(ConsentView::of).toList());
    }

    /**
     * Applies campaign feedback: an {@code unsubscribed} (e.g. an SMS "STOP") revokes consent for that channel.
     * Other feedback kinds are not about consent and are ignored. Idempotent per event.
     */
    @WithTransaction
    public Uni<Void> apply(EventEnvelope<?> event) {
        if (!(event.payload() instanceof MessageFeedback feedback) || feedback.kind() != FeedbackKind.UNSUBSCRIBED) {
            return Uni.createFrom().voidItem();
        }
        // A customer since merged or erased (or never known here) has no consent left to revoke.
        return guard.once(FEEDBACK_CONSUMER, event, () -> apply(feedback.customerId(), new Decision(
                feedback.channel(), false, DEFAULT_PURPOSE, "campaign-feedback:" + feedback.messageId(),
                feedback.at()), false))
                .replaceWithVoid();
    }

    private record Decision(MessageChannel channel, boolean granted, String purpose, String source, Instant at) {
    }

    /**
     * Records a decision under the profile's row lock.
     *
     * @param strict whether a missing (404) or inactive (409) profile is an error; if not, nothing happens
     */
    private Uni<CustomerConsent> apply(String customerId, Decision decision, boolean strict) {
        return customers.findForUpdate(customerId).chain(customer -> {
            if (!strict && (customer == null || !Customer.CustomerStatus.ACTIVE.equals(customer.status))) {
                return Uni.createFrom().nullItem();
            }
            if (customer == null) {
                return Uni.createFrom().failure(ResourceNotFoundException.of("customer", customerId));
            }
            customer.requireActive();
            return consents.findOne(customerId, decision.channel()).chain(existing -> {
                    if (existing != null && (existing.updatedAt.isAfter(decision.at())
                            || (existing.granted == decision.granted() && existing.purpose.equals(decision.purpose())))) {
                        return Uni.createFrom().item(existing); // older, or no change: nothing to publish
                    }
                    CustomerConsent consent = existing != null ? existing : new CustomerConsent();
                    consent.customerId = customerId;
                    consent.channelName = WireNames.of(decision.channel());
                    consent.granted = decision.granted();
                    consent.purpose = decision.purpose();
                    consent.source = decision.source();
                    consent.updatedAt = decision.at();
                    customer.updatedAt = Instant.now();
                    return (existing != null ? Uni.createFrom().item(consent) : consents.persist(consent))
                            .call(saved -> consents.flush())
                            .call(saved -> customerService.publish(customer, customer.updatedAt));
            });
        });
    }
}
