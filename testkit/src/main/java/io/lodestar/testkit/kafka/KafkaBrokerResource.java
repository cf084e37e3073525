package io.lodestar.testkit.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker. There is one broker per test JVM, started on first use and
 * shut down when the JVM exits, so that application restarts between test profiles do not restart Kafka.
 * Topics are created by the tests that need them ({@link #broker()}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    /** The broker of this test JVM, started if needed. */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-broker-shutdown"));
            broker = started;
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives the application: it is shared by every test of this JVM and closed at JVM exit.
        // A test that stopped it to prove resilience must not leave it down for the next test.
        broker().restart();
    }
}
