package io.lodestar.campaign.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.lodestar.platform.security.Roles;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import io.lodestar.campaign.config.PeersConfig;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Signs campaign-service's own bearer token for calls to segmentation and recommendation (subject
 * {@code campaign-service}, role operator), with the key in {@code smallrye.jwt.sign.key.location}. The token lives
 * ten minutes and is re-signed when less than two remain, by a scheduled job on a worker thread: signing reads the key
 * file and computes an RSA signature, neither of which may happen on the event loop that makes the call. The first
 * token is signed at startup, so a missing or unreadable key stops the service at once with the reason.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private record Token(String value, Instant expiresAt) {
    }

    private final String issuer;
    private final AtomicReference<Token> current = new AtomicReference<>();

    public ServiceTokenHeaders(PeersConfig config) {
        this.issuer = config.tokenIssuer();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + token());
        return headers;
    }

    void signAtStartup(@Observes StartupEvent started) {
        renewIfDue();
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewIfDue() {
        Token token = current.get();
        Instant now = Instant.now();
        if (token == null || token.expiresAt().minus(RENEW_BEFORE).isBefore(now)) {
            Instant expiresAt = now.plus(LIFETIME);
            current.set(new Token(Jwt.issuer(issuer).subject("campaign-service").upn("campaign-service")
                    .groups(Set.of(Roles.OPERATOR)).expiresAt(expiresAt).sign(), expiresAt));
        }
    }

    String token() {
        Token token = current.get();
        if (token == null || token.expiresAt().isBefore(Instant.now())) {
            // The scheduler fell behind by minutes (a stalled process): an expired token would only earn a 401.
            renewIfDue();
            token = current.get();
        }
        return token.value();
    }
}
