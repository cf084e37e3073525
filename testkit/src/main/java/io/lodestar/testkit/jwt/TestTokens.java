package io.lodestar.testkit.jwt;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints bearer tokens for tests with a key pair generated for this test JVM only (nothing is committed).
 * {@link JwtKeyResource} hands the public half to the application under test.
 */
public final class TestTokens {

    /** The issuer every test token carries and every service under test expects. */
    public static final String ISSUER = "https://lodestar.io/test";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A token for a subject holding exactly this role ({@code app}, {@code operator} or {@code admin}). */
    public static String forRole(String role) {
        return forSubject("test-" + role, Set.of(role));
    }

    /** A token for {@code subject} with these roles, valid for one hour. */
    public static String forSubject(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    /** The Authorization header value for a role. */
    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }

    /** The public key as base64 DER (what {@code mp.jwt.verify.publickey} accepts). */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** The public key as a PEM file's text (what {@code mp.jwt.verify.publickey.location} reads). */
    public static String publicKeyPem() {
        return pem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    }

    /**
     * The private key as a PKCS#8 PEM file's text, for a service under test that signs its own tokens with the pair
     * of the key every service verifies (campaign-service's {@code smallrye.jwt.sign.key.location}).
     */
    public static String privateKeyPem() {
        return pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
