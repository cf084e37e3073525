package io.lodestar.testkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import io.lodestar.contracts.Topics;
import io.lodestar.testkit.FreePorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker + controller, one node), running inside the
 * current JVM from the Maven Central artifacts — no Docker, no download.
 *
 * <p>It can be stopped and started again on the same ports and log directory, which is how tests prove
 * that nothing is lost while the broker is away.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, boolean deleteDataOnClose, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker.
     *
     * @param port    the client port, or 0 for a free one
     * @param dataDir where the log lives, or null for a temporary folder deleted on {@link #close()}
     */
    public static EmbeddedKafkaBroker start(int port, Path dataDir) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("lodestar-kafka-") : dataDir;
            Files.createDirectories(dir);
            int[] free = FreePorts.distinct(2, port);
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, temporary, port == 0 ? free[0] : port, free[1]);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down but keeps its data and ports, so that {@link #restart()} brings the same cluster back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    /**
     * Creates topics unless they exist.
     *
     * @param compacted whether the topics use log compaction (latest value per key)
     */
    public void createTopics(int partitions, boolean compacted, String... names) {
        Map<String, String> configs = compacted
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of();
        List<NewTopic> topics = Stream.of(names)
                .map(name -> new NewTopic(name, partitions, (short) 1).configs(configs))
                .toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    /** Creates every topic of {@link Topics#all()} and its dead-letter topic, as the contracts define them. */
    public void createContractTopics() {
        for (Topics.TopicSpec spec : Topics.all()) {
            createTopics(spec.partitions(), spec.compacted(), spec.name());
            createTopics(1, false, Topics.deadLetter(spec.name()));
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteDataOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        try {
            Path propsFile = dataDir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(propsFile)) {
                p.store(w, "Lodestar embedded KRaft broker");
            }
            // StorageTool.execute is `kafka-storage format` without the System.exit of its main(). The cluster id
            // is kept beside the log, so that a restart on the same data formats nothing and finds its own id.
            int rc = StorageTool.execute(new String[] {"format", "-t", clusterId(),
                    "-c", propsFile.toString(), "--ignore-formatted"},
                    new PrintStream(OutputStream.nullOutputStream()));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed with exit code " + rc);
            }
            KafkaRaftServer raft = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
            raft.startup();
            server = raft;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
                admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker did not become ready on " + bootstrapServers(), e);
        }
    }

    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the broker is already stopped.
        }
    }
}
