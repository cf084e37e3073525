package io.lodestar.customerprofile;

import java.util.List;

import io.lodestar.testkit.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerProfileServiceContractTest extends ServiceContractTest {

    @Override
    protected List<String> expectedReadinessChecks() {
        return List.of("Reactive PostgreSQL connections health check", "Kafka connection health check",
                "Redis connection health check",
                "SmallRye Reactive Messaging - readiness check");
    }
}
