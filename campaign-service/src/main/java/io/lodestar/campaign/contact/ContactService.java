package io.lodestar.campaign.contact;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.customer.Consent;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the contacts campaigns decide on from the profile topic (consent per channel, time zone, name, tier) and
 * from gateways' unsubscribes. Consent is merged per channel by its own timestamp: an unsubscribe at 10:05 is not
 * undone by a profile snapshot written at 10:00 that arrives later.
 */
@ApplicationScoped
public class ContactService {

    static final String CUSTOMERS_CONSUMER = "campaign.customers";
    /** Profile attributes that may carry the name a message greets with, in order of preference. */
    static final String[] NAME_ATTRIBUTES = {"nickname", "name", "firstName"};

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final ContactRepository contacts;

    public ContactService(Pool pool, IdempotentConsumerGuard guard, ContactRepository contacts) {
        this.pool = pool;
        this.guard = guard;
        this.contacts = contacts;
    }

    public Uni<Void> applyCustomerEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof CustomerUpserted customer)) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> guard.once(connection, CUSTOMERS_CONSUMER, event, () ->
                contacts.consentsForUpdate(connection, customer.customerId()).chain(stored -> {
                    Map<MessageChannel, ContactRepository.ConsentState> merged = new EnumMap<>(MessageChannel.class);
                    merged.putAll(stored);
                    for (Consent consent : customer.consents()) {
                        ContactRepository.ConsentState known = merged.get(consent.channel());
                        if (known == null || !known.updatedAt().isAfter(consent.updatedAt())) {
                            merged.put(consent.channel(),
                                    new ContactRepository.ConsentState(consent.granted(), consent.updatedAt()));
                        }
                    }
                    return contacts.upsert(connection, customer.customerId(),
                            customer.timeZone() == null ? "UTC" : customer.timeZone(), displayName(customer),
                            customer.memberTier(), customer.birthDate(), merged, customer.updatedAt());
                }))).replaceWithVoid();
    }

    /**
     * The customer withdrew consent for a channel (an unsubscribe reported by its gateway), on the caller's
     * transaction.
     */
    public Uni<Void> withdraw(SqlClient connection, String customerId, MessageChannel channel, Instant at) {
        return contacts.consentsForUpdate(connection, customerId).chain(stored -> {
            Map<MessageChannel, ContactRepository.ConsentState> merged = new EnumMap<>(MessageChannel.class);
            merged.putAll(stored);
            ContactRepository.ConsentState known = merged.get(channel);
            if (known != null && known.updatedAt().isAfter(at)) {
                return Uni.createFrom().voidItem();
            }
            merged.put(channel, new ContactRepository.ConsentState(false, at));
            return contacts.setConsents(connection, customerId, merged);
        });
    }

    public Uni<ContactView> get(String customerId) {
        return pool.withConnection(connection -> contacts.find(connection, customerId)).map(found -> ContactView.of(
                found.orElseThrow(() -> io.lodestar.platform.problem.ResourceNotFoundException.of("contact",
                        customerId))));
    }

    /** An erased customer is forgotten; campaigns can no longer reach them. */
    public Uni<Void> forget(SqlClient connection, String customerId) {
        return contacts.delete(connection, customerId);
    }

    private static String displayName(CustomerUpserted customer) {
        for (String attribute : NAME_ATTRIBUTES) {
            if (customer.attributes().get(attribute) instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }
}
