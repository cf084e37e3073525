package io.lodestar.testkit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests, speaking to the test JVM's broker: produce a raw record as any other service
 * would, or read a topic from the beginning until what the test waits for has arrived.
 */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void produce(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic, e.getCause());
        }
    }

    /** Sends many records (key, value) with one producer, in order, and waits until the broker acknowledged all. */
    public static void produceAll(String topic, List<Map.Entry<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KafkaBrokerResource.broker().bootstrapServers(), "acks", "all",
                "linger.ms", "5"), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>(records.size());
            for (Map.Entry<String, String> record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (java.util.concurrent.Future<?> ack : sent) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic, e.getCause());
        }
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer group and returns every record read once
     * {@code done} holds for the records matching {@code filter}, or when {@code timeout} runs out (the caller
     * asserts on what it got).
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        return read(KafkaBrokerResource.broker().bootstrapServers(), topic, filter, done, timeout);
    }

    /** {@link #read(String, Predicate, Predicate, Duration)} from the broker at {@code bootstrapServers}. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> filter, Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(matching) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }

    /** Reads {@code topic} for the whole {@code window} and returns every record matching {@code filter}. */
    public static List<ConsumerRecord<String, String>> readFor(String topic,
            Predicate<ConsumerRecord<String, String>> filter, Duration window) {
        return read(topic, filter, records -> false, window);
    }
}
