package io.lodestar.platform.messaging;

import java.util.function.Function;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.MalformedEventException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How every {@code @Incoming} method turns a raw Kafka value into a typed envelope. Consumers receive the JSON
 * as a {@code String} (never a Kafka deserializer that could fail before the method is called), so that a
 * record that cannot be parsed becomes an ordinary failed {@code Uni}: the channel's
 * {@code failure-strategy=dead-letter-queue} sends it to {@code <topic>.dlq} with the error in the
 * {@code dead-letter-reason} header, and the consumer goes on with the next record.
 */
@ApplicationScoped
public class EventIntake {

    private final EventCodec codec;

    public EventIntake(EventCodec codec) {
        this.codec = codec;
    }

    /** Decodes any contract event and hands it to {@code apply}. */
    public Uni<Void> accept(String consumer, String json, Function<EventEnvelope<?>, Uni<?>> apply) {
        return Uni.createFrom().item(() -> codec.decode(json))
                .onFailure(MalformedEventException.class).invoke(e -> Log.warnf(
                        "%s: malformed event sent to the dead-letter topic: %s", consumer, e.getMessage()))
                .chain(event -> apply.apply(event)
                        .onFailure().invoke(e -> Log.errorf(e, "%s: %s %s failed and goes to the dead-letter topic",
                                consumer, event.type(), event.eventId())))
                .replaceWithVoid();
    }
}
