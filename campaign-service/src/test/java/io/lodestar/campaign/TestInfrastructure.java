package io.lodestar.campaign;

import io.lodestar.testkit.jwt.JwtKeyResource;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.postgres.PostgresDatabaseResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real infrastructure of every {@code @QuarkusTest} in this module (test resources apply JVM-wide, so one
 * application start serves all tests): the Kafka broker, a fresh PostgreSQL database, the test JWT key, and segmentation and recommendation
 * over HTTP ({@link PeerServicesStub}).
 */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresDatabaseResource.class)
@QuarkusTestResource(JwtKeyResource.class)
@QuarkusTestResource(PeerServicesStub.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
