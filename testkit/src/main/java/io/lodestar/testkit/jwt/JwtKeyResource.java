package io.lodestar.testkit.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes the application under test verify tokens minted by {@link TestTokens}. The public key is handed over as
 * a PEM file, the way production gets it ({@code mp.jwt.verify.publickey.location}), so that the same setting
 * serves {@code @QuarkusTest} and {@code @QuarkusIntegrationTest} against the packaged application.
 */
public class JwtKeyResource implements QuarkusTestResourceLifecycleManager {

    private static Path publicKeyFile;

    @Override
    public Map<String, String> start() {
        // Both forms: in test mode Quarkus generates an in-memory key pair of its own and sets the inline
        // property, which wins over a location; the packaged (prod) application reads the location.
        return Map.of(
                "mp.jwt.verify.publickey", TestTokens.publicKey(),
                "mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The key file lives as long as the test JVM (deleted on exit).
    }

    private static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("lodestar-test-jwt-", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, TestTokens.publicKeyPem());
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }
}
