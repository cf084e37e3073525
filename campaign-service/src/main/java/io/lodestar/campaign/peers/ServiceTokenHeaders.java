package io.lodestar.campaign.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.lodestar.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import io.lodestar.campaign.config.PeersConfig;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Signs campaign-service's own bearer token for calls to segmentation and recommendation (subject
 * {@code campaign-service}, role operator), with the key in {@code smallrye.jwt.sign.key.location}. The token lives
 * ten minutes and is re-signed when less than two remain, so a call never signs on its hot path.
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

    String token() {
        Token token = current.get();
        Instant now = Instant.now();
        if (token == null || token.expiresAt().minus(RENEW_BEFORE).isBefore(now)) {
            Instant expiresAt = now.plus(LIFETIME);
            token = new Token(Jwt.issuer(issuer).subject("campaign-service").upn("campaign-service")
                    .groups(Set.of(Roles.OPERATOR)).expiresAt(expiresAt).sign(), expiresAt);
            current.set(token);
        }
        return token.value();
    }
}
