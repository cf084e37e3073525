package io.lodestar.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Topics;

/** A broker of its own (not the shared one), because this test stops and restarts it. */
class EmbeddedKafkaBrokerTest {

    @Test
    void aRestartedBrokerKeepsItsPortAndItsData() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            String bootstrap = broker.bootstrapServers();
            broker.createTopics(1, false, "restart-probe");
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>("restart-probe", "k", "before")).get();
            }

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>("restart-probe", "k", "after")).get();
            }
            assertThat(readAll(bootstrap, "restart-probe", 2)).containsExactly("before", "after");
        }
    }

    @Test
    void contractTopicsAreCreatedWithTheirDeadLetterTopicsAndCompaction() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            broker.createContractTopics();
            broker.createContractTopics(); // a second call is harmless

            var names = admin.listTopics().names().get();
            for (Topics.TopicSpec spec : Topics.all()) {
                assertThat(names).contains(spec.name(), Topics.deadLetter(spec.name()));
            }
            Map<String, TopicDescription> described = admin.describeTopics(List.of(Topics.ORDERS)).allTopicNames().get();
            assertThat(described.get(Topics.ORDERS).partitions()).hasSize(
                    Topics.all().stream().filter(s -> s.name().equals(Topics.ORDERS)).findFirst().orElseThrow().partitions());
            ConfigResource customers = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CUSTOMERS);
            assertThat(admin.describeConfigs(List.of(customers)).all().get().get(customers)
                    .get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "restart-" + System.nanoTime(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
