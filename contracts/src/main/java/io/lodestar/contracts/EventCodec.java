package io.lodestar.contracts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;

/**
 * Turns envelopes into JSON and back. Thread-safe: create one and share it.
 *
 * <p>{@link #decode(String)} reads the envelope's {@code type} first and binds the payload to that
 * type's record, so a consumer gets a typed payload or a {@link MalformedEventException} naming the
 * field at fault, which it can put on the dead-letter topic as it is. It never returns a half-read event.
 */
public final class EventCodec {

    private final ObjectMapper mapper = LodestarJson.newObjectMapper();
    // Trailing garbage after the JSON object means the message is corrupt, not that it ends early.
    private final ObjectReader treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The envelope as JSON.
     *
     * @throws MalformedEventException if the envelope would not decode: unknown type, payload of another
     *                                 type, other schema version, or a missing customerId for a
     *                                 customer-scoped type
     */
    public String encode(EventEnvelope<?> envelope) {
        EventType type = EventType.byTypeName(envelope.type())
                .orElseThrow(() -> unknownType(envelope.type()));
        if (!type.payloadType().isInstance(envelope.payload())) {
            throw new MalformedEventException("payload", "payload: " + type.typeName() + " needs "
                    + type.payloadType().getSimpleName() + ", not " + envelope.payload().getClass().getSimpleName());
        }
        checkVersion(type, envelope.schemaVersion());
        checkCustomer(type, envelope);
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JacksonException e) {
            throw new MalformedEventException("payload", "payload: cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an envelope whose payload is the record of its {@code type}.
     *
     * @throws MalformedEventException if the text is not a JSON object, the type is unknown, or a field
     *                                 is missing or invalid
     */
    public EventEnvelope<?> decode(String json) {
        JsonNode root = readTree(json);
        EventType type = typeOf(root);
        checkVersion(type, root.path("schemaVersion"));
        EventEnvelope<?> envelope = bind(root, type);
        checkCustomer(type, envelope);
        return envelope;
    }

    /**
     * Reads an envelope that must carry a payload of {@code expected}, for consumers of one event type.
     *
     * @throws MalformedEventException  as {@link #decode(String)}, and with field {@code type} when the
     *                                  event is of another type
     * @throws IllegalArgumentException if {@code expected} is not an event payload (a programming error)
     */
    @SuppressWarnings("unchecked")
    public <P> EventEnvelope<P> decode(String json, Class<P> expected) {
        EventType wanted = EventType.of(expected);
        JsonNode root = readTree(json);
        EventType type = typeOf(root);
        if (type != wanted) {
            throw new MalformedEventException("type", "type: expected " + wanted.typeName()
                    + " but was " + type.typeName());
        }
        checkVersion(type, root.path("schemaVersion"));
        EventEnvelope<?> envelope = bind(root, type);
        checkCustomer(type, envelope);
        return (EventEnvelope<P>) envelope;
    }

    private JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("", "empty message");
        }
        JsonNode root;
        try {
            root = treeReader.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("", "not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("", "not a JSON object");
        }
        return root;
    }

    private static EventType typeOf(JsonNode root) {
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new MalformedEventException("type", "type: missing or not a string");
        }
        return EventType.byTypeName(type.asText()).orElseThrow(() -> unknownType(type.asText()));
    }

    private static MalformedEventException unknownType(String typeName) {
        return new MalformedEventException("type", "type: unknown event type '" + typeName + "'");
    }

    /** Rejects a version this build does not know: a new version is a breaking change on a new topic. */
    private static void checkVersion(EventType type, JsonNode version) {
        if (version.isMissingNode()) {
            throw new MalformedEventException("schemaVersion", "schemaVersion: required field is missing");
        }
        if (!version.isInt()) {
            throw new MalformedEventException("schemaVersion", "schemaVersion: not an integer");
        }
        checkVersion(type, version.intValue());
    }

    private static void checkVersion(EventType type, int version) {
        if (version != type.schemaVersion()) {
            throw new MalformedEventException("schemaVersion", "schemaVersion: " + type.typeName() + " v"
                    + version + " is not supported, only v" + type.schemaVersion());
        }
    }

    private static void checkCustomer(EventType type, EventEnvelope<?> envelope) {
        if (type.customerScoped() && envelope.customerId() == null) {
            throw new MalformedEventException("customerId", "customerId: required for " + type.typeName());
        }
    }

    private EventEnvelope<?> bind(JsonNode root, EventType type) {
        JavaType envelopeType = mapper.getTypeFactory()
                .constructParametricType(EventEnvelope.class, type.payloadType());
        try {
            return mapper.readerFor(envelopeType).readValue(root);
        } catch (JsonMappingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new MalformedEventException("", "unreadable: " + e.getMessage(), e);
        }
    }

    /** Turns a Jackson failure into a {@link MalformedEventException} naming the field at fault. */
    private static MalformedEventException malformed(JsonMappingException e) {
        String field = JsonFieldPath.of(e);
        if (JsonFieldPath.refusedNull(e) != null) {
            return new MalformedEventException(field, field + ": required field is null", e);
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            String detail = cause == null ? e.getOriginalMessage() : cause.getMessage();
            return new MalformedEventException(field, prefix(field) + "invalid: " + detail, e);
        }
        return new MalformedEventException(field, prefix(field) + e.getOriginalMessage(), e);
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
