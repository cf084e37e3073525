package io.lodestar.platform.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends one outbox row to its topic and completes only when Kafka acknowledged it (acks=all, idempotent producer,
 * configured on the {@value #CHANNEL} channel of each service).
 */
@ApplicationScoped
public class OutboxPublisher {

    /** The outgoing channel every service configures for its outbox; each record names its own topic. */
    public static final String CHANNEL = "lodestar-outbox";

    /** Header carrying the envelope type, so tools can route or filter without parsing the value. */
    public static final String EVENT_TYPE_HEADER = "lodestar-event-type";

    private final MutinyEmitter<String> emitter;

    public OutboxPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    Uni<Void> publish(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EVENT_TYPE_HEADER, message.eventType.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(message.payload).addMetadata(metadata));
    }
}
