package io.lodestar.customerprofile.messaging;

import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends behaviour events to {@code lodestar.customer-events.v1} (channel {@value #CHANNEL}: acks=all, idempotent
 * producer) keyed by customer, and completes only when the broker acknowledged every one of them.
 */
@ApplicationScoped
public class BehaviourEventPublisher {

    public static final String CHANNEL = "customer-events";

    private final MutinyEmitter<String> emitter;
    private final EventCodec codec;

    public BehaviourEventPublisher(
            // A batch is emitted at once and acknowledged together; the buffer holds several in-flight batches.
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<String> emitter, EventCodec codec) {
        this.emitter = emitter;
        this.codec = codec;
    }

    public Uni<Void> publish(List<EventEnvelope<BehaviourRecorded>> events) {
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(EventEnvelope<BehaviourRecorded> event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.customerId())
                .build();
        return emitter.sendMessage(Message.of(codec.encode(event)).addMetadata(metadata));
    }
}
