package io.lodestar.segmentation.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.lodestar.contracts.Topics;
import io.lodestar.segmentation.analytics.TrafficAggregationService.Rejected;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends the records a batch consumer could not decode to {@code <topic>.dlq} itself (a batch channel's own
 * dead-letter strategy would take the whole batch), with the headers SmallRye's strategy writes
 * ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}, plus {@code -consumer}) and the original key. Every send is
 * acknowledged before the returned {@code Uni} completes, so the batch's offsets only advance past a record once it is
 * on the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "traffic-dead-letters";

    private final MutinyEmitter<String> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** @param consumer the incoming channel that rejected the records, in the {@code dead-letter-consumer} header */
    public Uni<Void> send(String consumer, List<Rejected> rejected) {
        List<Uni<Void>> sends = rejected.stream().map(r -> send(consumer, r)).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(String consumer, Rejected rejected) {
        ConsumerRecord<String, String> record = rejected.record();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", rejected.reason().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-consumer", consumer.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic())).withKey(record.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }
}
