package io.lodestar.customerprofile;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A hash secret for this test run only, as production gets one from a Secret. */
public class IdentitySecretResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("lodestar.identity.hash-secret", "test-" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        // nothing held
    }
}
