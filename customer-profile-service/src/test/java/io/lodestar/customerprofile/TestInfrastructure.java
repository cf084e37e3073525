package io.lodestar.customerprofile;

import io.lodestar.testkit.jwt.JwtKeyResource;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.postgres.PostgresDatabaseResource;
import io.lodestar.testkit.redis.RedisKeyPrefixResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real infrastructure of every {@code @QuarkusTest} in this module (test resources apply JVM-wide, so one
 * application start serves all tests): the Kafka broker, a fresh PostgreSQL database, the test JWT key, an identity hash secret and a Redis key prefix.
 */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresDatabaseResource.class)
@QuarkusTestResource(JwtKeyResource.class)
@QuarkusTestResource(IdentitySecretResource.class)
@QuarkusTestResource(RedisKeyPrefixResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
