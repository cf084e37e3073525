package io.lodestar.deploy.kubernetes;

import io.lodestar.contracts.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Strimzi Kafka cluster and its topics agree with {@link Topics} and with what the services consume. */
class KafkaTopicsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractsTopicHasItsKafkaTopicWithItsPartitionsAndCompaction(String overlay) {
        Map<String, KafkaTopic> topics = topicsByName(overlay);
        for (Topics.TopicSpec spec : Topics.all()) {
            KafkaTopic topic = topics.get(spec.name());
            assertThat(topic).as("KafkaTopic of %s", spec.name()).isNotNull();
            assertThat(topic.getSpec().getPartitions()).as("partitions of %s", spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.getSpec().getConfig().get("cleanup.policy")).as("cleanup.policy of %s", spec.name())
                    .isEqualTo(spec.compacted() ? "compact" : "delete");
            if (!spec.compacted()) {
                assertThat(topic.getSpec().getConfig()).as("retention of %s", spec.name()).containsKey("retention.ms");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKafkaTopicIsAContractsTopicOrItsDeadLetterTopic(String overlay) {
        Set<String> allowed = new TreeSet<>();
        for (Topics.TopicSpec spec : Topics.all()) {
            allowed.add(spec.name());
            allowed.add(Topics.deadLetter(spec.name()));
        }
        assertThat(topicsByName(overlay).keySet()).isSubsetOf(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeadLetterTopicAServiceWritesToExists(String overlay) {
        Set<String> deadLetters = new TreeSet<>();
        for (String service : DeploymentsTest.SERVICES) {
            ServiceProperties properties = ServiceProperties.of(service);
            for (String topic : properties.incomingTopics()) {
                assertThat(properties.deadLetterTopics()).as("%s consumes %s", service, topic)
                        .contains(Topics.deadLetter(topic));
            }
            deadLetters.addAll(properties.deadLetterTopics());
        }
        // The channel gateways (channel-gateway-simulator is the reference) dead-letter campaign messages they cannot read.
        deadLetters.add(Topics.deadLetter(Topics.CAMPAIGN_DISPATCH));
        assertThat(topicsByName(overlay).keySet()).containsAll(deadLetters);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void replicationFitsTheBrokers(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Kafka kafka = manifests.get(Kafka.class, "lodestar");
        int brokers = manifests.all(KafkaNodePool.class).stream()
                .filter(pool -> "lodestar".equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        int expected = overlay.equals("prod") ? 3 : 1;
        assertThat(brokers).isEqualTo(expected);
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false)
                .containsEntry("default.replication.factor", expected)
                .containsEntry("min.insync.replicas", expected == 3 ? 2 : 1);
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = topic.getMetadata().getName();
            assertThat(topic.getMetadata().getLabels()).as("cluster of %s", name).containsEntry("strimzi.io/cluster", "lodestar");
            assertThat(topic.getSpec().getReplicas()).as("replicas of %s", name).isEqualTo(expected);
            assertThat(topic.getSpec().getConfig().get("min.insync.replicas")).as("min.insync.replicas of %s", name)
                    .isEqualTo(expected == 3 ? 2 : 1);
        }
    }

    @Test
    void thePlainListenerIsTheOneTheServicesUse() {
        Kafka kafka = Manifests.of("prod").get(Kafka.class, "lodestar");
        assertThat(kafka.getSpec().getKafka().getListeners()).extracting(GenericKafkaListener::getName,
                        GenericKafkaListener::getPort, GenericKafkaListener::isTls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("plain", 9092, false));
    }

    @Test
    void aMisspelledTopicFieldIsReported() {
        var topic = Manifests.unmarshal("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: lodestar.orders.v1
                spec:
                  partition: 6
                  replicas: 1
                """);

        assertThat(topic).isInstanceOf(KafkaTopic.class);
        assertThat(UnknownFields.of(topic)).containsExactly("spec.partition");
    }

    /** Topic name (spec.topicName, else metadata.name) to its KafkaTopic. */
    private static Map<String, KafkaTopic> topicsByName(String overlay) {
        return Manifests.of(overlay).all(KafkaTopic.class).stream().collect(Collectors.toMap(
                t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName(),
                Function.identity()));
    }
}
