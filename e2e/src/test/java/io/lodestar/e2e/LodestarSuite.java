package io.lodestar.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lodestar.testkit.FreePorts;
import io.lodestar.testkit.LocalInfrastructure;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.EmbeddedKafkaBroker;
import io.lodestar.testkit.postgres.PostgresDatabaseResource;

/**
 * The whole suite as separate processes on this machine, configured the way {@code deploy/local/up} configures it:
 * one KRaft Kafka broker (in this JVM, so that a drill can stop and restart it), a database of its own per service
 * on the machine's PostgreSQL, a Redis server of its own, the four packaged services and the channel-gateway
 * simulator, each on a free port, with a JWT key pair generated for the run. {@link #close()} stops the processes and
 * drops the databases; logs stay under {@code e2e/target/e2e-logs/}.
 */
final class LodestarSuite implements AutoCloseable {

    static final String PROFILE = "customer-profile-service";
    static final String SEGMENTATION = "segmentation-service";
    static final String RECOMMENDATION = "recommendation-service";
    static final String CAMPAIGN = "campaign-service";
    static final String GATEWAY = "channel-gateway-simulator";

    final Path root;
    final Path work;
    final EmbeddedKafkaBroker kafka;
    final RedisServer redis;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final List<String> databases = new ArrayList<>();

    private LodestarSuite(Path root, Path work, EmbeddedKafkaBroker kafka, RedisServer redis) {
        this.root = root;
        this.work = work;
        this.kafka = kafka;
        this.redis = redis;
    }

    /** Starts everything and waits until every service reports ready. */
    static LodestarSuite start() {
        Path root = Path.of(System.getProperty("lodestar.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("e2e/target/e2e-run");
        LocalInfrastructure.requireReachable("PostgreSQL", LocalInfrastructure.postgresHost(),
                LocalInfrastructure.postgresPort(), "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
        kafka.createContractTopics();
        int[] ports = FreePorts.distinct(5, 0);
        RedisServer redis = new RedisServer(ports[4], work.resolve("logs/redis.log"));
        LodestarSuite suite = new LodestarSuite(root, work, kafka, redis);
        try {
            redis.start();
            suite.startServices(ports);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    ServiceProcess service(String name) {
        return processes.get(name);
    }

    String url(String service, String path) {
        return processes.get(service).url(path);
    }

    private void startServices(int[] ports) {
        try {
            Files.createDirectories(work);
            Path publicKey = work.resolve("jwt-public-key.pem");
            Path privateKey = work.resolve("jwt-private-key.pem");
            Files.writeString(publicKey, TestTokens.publicKeyPem());
            Files.writeString(privateKey, TestTokens.privateKeyPem());
            String hashSecret = UUID.randomUUID().toString();
            String[][] services = {{PROFILE, "profile"}, {SEGMENTATION, "segmentation"},
                    {RECOMMENDATION, "recommendation"}, {CAMPAIGN, "campaign"}};
            for (int i = 0; i < services.length; i++) {
                String database = PostgresDatabaseResource.createFresh("lodestar_e2e_" + services[i][1] + "_");
                databases.add(database);
                Map<String, String> env = new HashMap<>();
                env.put("QUARKUS_HTTP_PORT", Integer.toString(ports[i]));
                env.put("LODESTAR_DB_HOST", LocalInfrastructure.postgresHost());
                env.put("LODESTAR_DB_PORT", Integer.toString(LocalInfrastructure.postgresPort()));
                env.put("LODESTAR_DB_USER", LocalInfrastructure.postgresUser());
                env.put("LODESTAR_DB_PASSWORD", LocalInfrastructure.postgresPassword());
                env.put("LODESTAR_DB_NAME", database);
                env.put("LODESTAR_DB_POOL_SIZE", "8");
                env.put("LODESTAR_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                env.put("LODESTAR_REDIS_URL", redis.url());
                env.put("LODESTAR_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
                env.put("LODESTAR_JWT_ISSUER", TestTokens.ISSUER);
                env.put("LODESTAR_IDENTITY_HASH_SECRET", hashSecret);
                env.put("LODESTAR_IMPORT_DIRECTORY", work.resolve("imports").toString());
                env.put("LODESTAR_SEGMENTATION_URL", "http://127.0.0.1:" + ports[1]);
                env.put("LODESTAR_RECOMMENDATION_URL", "http://127.0.0.1:" + ports[2]);
                // Two cores run six JVMs and the broker: no compression work for the behaviour events.
                env.put("LODESTAR_EVENTS_COMPRESSION", "none");
                if (services[i][0].equals(CAMPAIGN)) {
                    env.put("LODESTAR_JWT_PRIVATE_KEY_LOCATION", privateKey.toString());
                    // Small pages, so that a broadcast to a few hundred customers spans several pages and the
                    // drill can kill the service between them.
                    env.put("LODESTAR_CAMPAIGN_DISPATCH_PAGE_SIZE", "25");
                    env.put("LODESTAR_GLOBAL_HOLDOUT_PERCENT", "0");
                }
                Path jar = root.resolve(services[i][0] + "/target/quarkus-app/quarkus-run.jar");
                requireBuilt(jar);
                processes.put(services[i][0], new ServiceProcess(services[i][0],
                        ServiceProcess.javaJar(jar, "384m"), env, work.resolve("logs/" + services[i][0] + ".log"),
                        ports[i]));
            }
            Path gatewayJar = root.resolve("channel-gateway-simulator/target/channel-gateway-simulator.jar");
            requireBuilt(gatewayJar);
            processes.put(GATEWAY, new ServiceProcess(GATEWAY, ServiceProcess.javaJar(gatewayJar, "128m"),
                    Map.of("LODESTAR_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    work.resolve("logs/" + GATEWAY + ".log"), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.values().forEach(ServiceProcess::start);
        processes.values().forEach(process -> process.awaitReady(Duration.ofMinutes(4)));
    }

    /** The demo-data loader's jar, run as its own process by the journey (the data goes in through public APIs). */
    Path demoDataJar() {
        Path jar = root.resolve("demo-data/target/lodestar-demo-data.jar");
        requireBuilt(jar);
        return jar;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(processes.values());
        java.util.Collections.reverse(running);
        running.forEach(ServiceProcess::stop);
        redis.stop();
        kafka.close();
        databases.forEach(PostgresDatabaseResource::drop);
    }

    private static void requireBuilt(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end suite runs the packaged programs"
                    + " (mvn verify packages them before this module; alone: mvn install -DskipTests first)");
        }
    }
}
