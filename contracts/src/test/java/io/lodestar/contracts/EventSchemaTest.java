package io.lodestar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas are what non-Java consumers and reviewers read, so they must describe exactly what
 * the records produce and accept. These tests validate samples against them and compare them with the
 * records field by field (names, required, JSON types, enum wire names), nested records included.
 */
class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Formats (uuid, date-time, date) are only annotations in 2020-12 unless asserted; assert them. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private final ObjectMapper mapper = LodestarJson.newObjectMapper();
    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fullSampleIsValid(EventType type) {
        assertThat(validate(type, json(EventSamples.full(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void minimalSampleIsValid(EventType type) {
        assertThat(validate(type, json(EventSamples.minimal(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValid2020_12Schema(EventType type) {
        JsonSchema metaSchema = FACTORY.getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);

        assertThat(metaSchema.validate(schemaNode(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIdentifiesItsType(EventType type) {
        JsonNode schema = schemaNode(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText())
                .isEqualTo("https://lodestar.io/schemas/" + type.typeName() + ".v" + type.schemaVersion() + ".json");
        assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type.typeName());
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(type.schemaVersion());
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.at("/properties/payload/additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeRequiresCustomerIdExactlyWhenCustomerScoped(EventType type) {
        Set<String> required = strings(schemaNode(type).path("required"));

        assertThat(required).containsAll(List.of("eventId", "type", "schemaVersion", "occurredAt", "producer", "payload"));
        assertThat(required.contains("customerId")).isEqualTo(type.customerScoped());
        assertThat(RecordFields.required(EventEnvelope.class))
                .isEqualTo(Set.of("eventId", "type", "schemaVersion", "occurredAt", "producer", "payload"));
    }

    /** The drift guard: a field added to a record but not to its schema (or the other way) fails here. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadSchemaMatchesTheRecord(EventType type) {
        JsonNode schema = schemaNode(type);

        assertMatches(type.payloadType(), schema.at("/properties/payload"), schema, "payload");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAPayloadWithoutARequiredField(EventType type) {
        for (String field : RecordFields.required(type.payloadType())) {
            ObjectNode event = json(EventSamples.full(type));
            ((ObjectNode) event.get("payload")).remove(field);

            assertThat(validate(type, event)).as("without payload.%s", field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsABrokenEnvelope(EventType type) {
        ObjectNode event = json(EventSamples.full(type));
        event.put("eventId", "not-a-uuid");
        event.put("occurredAt", "yesterday");
        event.put("schemaVersion", 2);
        event.put("type", "something.else");

        assertThat(validate(type, event)).hasSizeGreaterThanOrEqualTo(4);
    }

    private void assertMatches(Class<?> record, JsonNode objectSchema, JsonNode root, String path) {
        JsonNode schema = resolve(objectSchema, root);
        assertThat(schema.path("type").asText()).as(path).isEqualTo("object");
        assertThat(fieldNames(schema.path("properties"))).as("%s properties", path)
                .isEqualTo(RecordFields.names(record));
        assertThat(strings(schema.path("required"))).as("%s required", path)
                .isEqualTo(RecordFields.required(record));
        for (RecordComponent component : record.getRecordComponents()) {
            String fieldPath = path + "." + component.getName();
            JsonNode property = resolve(schema.path("properties").path(component.getName()), root);
            Class<?> javaType = component.getType();
            if (List.class.isAssignableFrom(javaType)) {
                assertThat(property.path("type").asText()).as(fieldPath).isEqualTo("array");
                assertValueMatches(elementType(component.getGenericType()), resolve(property.path("items"), root),
                        root, fieldPath + "[]");
            } else {
                assertValueMatches(javaType, property, root, fieldPath);
            }
        }
    }

    private void assertValueMatches(Class<?> javaType, JsonNode property, JsonNode root, String path) {
        if (javaType.isRecord()) {
            assertMatches(javaType, property, root, path);
        } else if (javaType.isEnum()) {
            assertThat(strings(property.path("enum"))).as("%s enum", path).isEqualTo(wireNames(javaType));
        } else {
            assertThat(property.path("type").asText()).as("%s type", path).isEqualTo(jsonType(javaType));
            String format = javaType == Instant.class ? "date-time" : javaType == LocalDate.class ? "date" : "";
            assertThat(property.path("format").asText()).as("%s format", path).isEqualTo(format);
        }
    }

    private static String jsonType(Class<?> javaType) {
        if (javaType == String.class || javaType == Instant.class || javaType == LocalDate.class) {
            return "string";
        }
        if (javaType == int.class || javaType == Integer.class || javaType == long.class || javaType == Long.class) {
            return "integer";
        }
        if (javaType == double.class || javaType == BigDecimal.class) {
            return "number";
        }
        if (javaType == boolean.class) {
            return "boolean";
        }
        if (Map.class.isAssignableFrom(javaType)) {
            return "object";
        }
        throw new AssertionError("no JSON type known for " + javaType + ": extend this test");
    }

    private static Class<?> elementType(Type listType) {
        return (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    private Set<String> wireNames(Class<?> enumType) {
        Set<String> names = new HashSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(mapper.convertValue(constant, String.class));
        }
        return names;
    }

    /** Follows a local {@code $ref} ({@code #/$defs/X}); the schemas have no other kind. */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        assertThat(ref.asText()).startsWith("#/");
        JsonNode target = root.at(ref.asText().substring(1));
        assertThat(target.isMissingNode()).as("target of %s", ref).isFalse();
        return target;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        Set<String> set = new HashSet<>(values);
        assertThat(set).as("duplicates in %s", values).hasSameSizeAs(values);
        return set;
    }

    private Set<ValidationMessage> validate(EventType type, JsonNode event) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return FACTORY.getSchema(in, CONFIG).validate(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode schemaNode(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode json(EventEnvelope<?> event) {
        try {
            return (ObjectNode) mapper.readTree(codec.encode(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
