package io.lodestar.testkit.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedKafkaBroker} as a standalone background process for {@code deploy/local/up}:
 * {@code java -cp … io.lodestar.testkit.kafka.KafkaBrokerMain PORT DATA_DIR}. It creates every contract topic
 * (and its dead-letter topic), prints one "ready" line and runs until it is sent SIGTERM.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain PORT DATA_DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, Path.of(args[1]));
        broker.createContractTopics();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        stopped.await();
    }
}
