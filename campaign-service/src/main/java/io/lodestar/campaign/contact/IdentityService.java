package io.lodestar.campaign.contact;

import java.time.Instant;

import io.lodestar.campaign.journey.JourneyRepository;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.platform.messaging.IdempotentConsumerGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identity changes: an erased customer is forgotten (contact, held messages, live journeys), a merged-away id stops
 * being contacted (the survivor's own profile snapshot carries the consent from now on). Sent messages stay, as
 * anonymous-enough facts for campaign reports: they hold no contact data.
 */
@ApplicationScoped
public class IdentityService {

    static final String IDENTITY_CONSUMER = "campaign.identity";

    private final Pool pool;
    private final IdempotentConsumerGuard guard;
    private final ContactService contacts;
    private final JourneyRepository journeys;

    public IdentityService(Pool pool, IdempotentConsumerGuard guard, ContactService contacts,
                           JourneyRepository journeys) {
        this.pool = pool;
        this.guard = guard;
        this.contacts = contacts;
        this.journeys = journeys;
    }

    public Uni<Void> applyIdentityEvent(EventEnvelope<?> event) {
        String customerId;
        String reason;
        Instant at;
        if (event.payload() instanceof CustomerErased erased) {
            customerId = erased.customerId();
            reason = "customer_erased";
            at = erased.erasedAt();
        } else if (event.payload() instanceof CustomersMerged merged) {
            customerId = merged.mergedId();
            reason = "customer_merged";
            at = merged.mergedAt();
        } else {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> guard.once(connection, IDENTITY_CONSUMER, event, () ->
                contacts.forget(connection, customerId)
                        .chain(() -> withdrawHeld(connection, customerId, reason))
                        .chain(() -> journeys.endForCustomer(connection, customerId, reason, at))))
                .replaceWithVoid();
    }

    private Uni<Void> withdrawHeld(SqlClient connection, String customerId, String reason) {
        return connection.preparedQuery("""
                UPDATE message SET status = 'withdrawn', skip_reason = $2, cost = 0
                WHERE customer_id = $1 AND status = 'held'""")
                .execute(Tuple.of(customerId, reason)).replaceWithVoid();
    }
}
