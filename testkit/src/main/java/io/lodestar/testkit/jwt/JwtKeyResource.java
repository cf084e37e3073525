package io.lodestar.testkit.jwt;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes the application under test verify tokens minted by {@link TestTokens}. */
public class JwtKeyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", TestTokens.publicKey(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Nothing to release: the key pair lives as long as the test JVM.
    }
}
