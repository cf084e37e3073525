package io.lodestar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.postgres.PostgresDatabaseResource;
import io.lodestar.testkit.redis.RedisKeyPrefixResource;
import io.vertx.redis.client.Command;

/** Proves the three test resources give real infrastructure: a Kafka record, a PostgreSQL row, a Redis key. */
class InfrastructureRoundTripTest {

    @Test
    void aMessageMakesARoundTripThroughTheBroker() throws Exception {
        String bootstrap = new KafkaBrokerResource().start().get("kafka.bootstrap.servers");
        String topic = "testkit-roundtrip-" + UUID.randomUUID();
        KafkaBrokerResource.broker().createTopics(1, false, topic);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(), new StringSerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "customer-1", "hello")).get();
            assertThat(sent.offset()).isZero();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "testkit-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("customer-1");
                assertThat(r.value()).isEqualTo("hello");
            });
        }
    }

    @Test
    void aRowMakesARoundTripThroughAFreshDatabaseThatIsDroppedAfterwards() throws Exception {
        PostgresDatabaseResource resource = new PostgresDatabaseResource();
        Map<String, String> config = resource.start();
        String url = config.get("quarkus.datasource.jdbc.url");
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(url, config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id int PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO probe VALUES (1, 'lodestar')");
            try (ResultSet rs = s.executeQuery("SELECT name FROM probe WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("lodestar");
            }
        } finally {
            resource.stop();
        }
        assertThat(databaseExists(database)).isFalse();
    }

    @Test
    void aKeyMakesARoundTripThroughRedisAndIsRemovedWithItsPrefix() {
        RedisKeyPrefixResource resource = new RedisKeyPrefixResource();
        String prefix = resource.start().get("lodestar.redis.key-prefix");
        RedisKeyPrefixResource.command(Command.SET, prefix + "probe", "42");
        RedisKeyPrefixResource.command(Command.SET, prefix + "other", "43");
        assertThat(RedisKeyPrefixResource.command(Command.GET, prefix + "probe").toString()).isEqualTo("42");

        resource.stop();

        assertThat(RedisKeyPrefixResource.command(Command.EXISTS, prefix + "probe", prefix + "other").toLong())
                .isZero();
    }

    @Test
    void anUnreachableServerFailsAtOnceNamingTheAddressAndHowToStartIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> LocalInfrastructure.requireReachable("PostgreSQL", "127.0.0.1", closedPort,
                "pg_ctlcluster … start"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL is not reachable at 127.0.0.1:" + closedPort)
                .hasMessageContaining("Start it with: pg_ctlcluster");
    }

    private static boolean databaseExists(String database) throws Exception {
        String url = "jdbc:postgresql://" + LocalInfrastructure.postgresHost() + ":"
                + LocalInfrastructure.postgresPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, LocalInfrastructure.postgresUser(),
                LocalInfrastructure.postgresPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rs.next();
        }
    }
}
