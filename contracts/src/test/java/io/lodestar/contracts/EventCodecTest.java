package io.lodestar.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.contracts.product.ItemTrending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper mapper = LodestarJson.newObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fullSampleSurvivesRoundTrip(EventType type) {
        EventEnvelope<?> event = EventSamples.full(type);

        EventEnvelope<?> decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.payload()).isInstanceOf(type.payloadType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void minimalSampleSurvivesRoundTrip(EventType type) {
        EventEnvelope<?> event = EventSamples.minimal(type);

        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typedDecodeReturnsThePayloadOfThatType(EventType type) {
        EventEnvelope<?> event = EventSamples.full(type);

        EventEnvelope<?> decoded = codec.decode(codec.encode(event), type.payloadType());

        assertThat(decoded).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreTolerated(EventType type) {
        EventEnvelope<?> event = EventSamples.full(type);
        String json = edit(codec.encode(event), root -> {
            root.put("traceId", "abc");
            root.putObject("addedLater").put("x", 1);
            ((ObjectNode) root.get("payload")).put("newOptionalField", "v2 producer");
            ((ObjectNode) root.get("payload")).putArray("anotherOne").add(1);
        });

        assertThat(codec.decode(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void nullFieldsAreLeftOut(EventType type) {
        String json = codec.encode(EventSamples.minimal(type));

        assertThat(json).doesNotContain("null");
        if (!type.customerScoped()) {
            assertThat(tree(json).has("customerId")).isFalse();
        }
    }

    static Stream<Arguments> requiredPayloadFields() {
        return Stream.of(EventType.values()).flatMap(type -> RecordFields.required(type.payloadType()).stream()
                .sorted()
                .map(field -> Arguments.of(type, field)));
    }

    @ParameterizedTest(name = "{0} without payload.{1}")
    @MethodSource("requiredPayloadFields")
    void missingRequiredPayloadFieldIsNamed(EventType type, String field) {
        String json = edit(codec.encode(EventSamples.full(type)), root -> ((ObjectNode) root.get("payload")).remove(field));

        assertMalformed(json, "payload." + field);
    }

    @ParameterizedTest(name = "{0} with payload.{1} = null")
    @MethodSource("requiredPayloadFields")
    void nullRequiredPayloadFieldIsNamed(EventType type, String field) {
        String json = edit(codec.encode(EventSamples.full(type)), root -> ((ObjectNode) root.get("payload")).putNull(field));

        assertMalformed(json, "payload." + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "occurredAt", "producer", "payload", "type", "schemaVersion"})
    void missingEnvelopeFieldIsNamed(String field) {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.remove(field));

        assertMalformed(json, field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "occurredAt", "producer", "payload", "type"})
    void nullEnvelopeFieldIsNamed(String field) {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.putNull(field));

        assertMalformed(json, field);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"PRODUCT_TRENDING", "ALERT_RAISED", "ALERT_RESOLVED"},
            mode = EnumSource.Mode.EXCLUDE)
    void customerScopedEventWithoutCustomerIdIsRejected(EventType type) {
        String json = edit(codec.encode(EventSamples.full(type)), root -> root.remove("customerId"));

        assertMalformed(json, "customerId");
    }

    @Test
    void eventNotAboutOneCustomerNeedsNoCustomerId() {
        String json = codec.encode(EventSamples.full(EventType.PRODUCT_TRENDING));

        EventEnvelope<ItemTrending> decoded = codec.decode(json, ItemTrending.class);

        assertThat(decoded.customerId()).isNull();
        assertThat(decoded.payload().itemId()).isEqualTo("sku-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "[]", "", "   ", "null", "42", "\"text\"", "{\"a\":1} trailing"})
    void garbageIsMalformedAsAWhole(String json) {
        assertMalformed(json, "");
    }

    @Test
    void nullTextIsMalformed() {
        assertMalformed(null, "");
    }

    @Test
    void unknownTypeIsNamed() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.put("type", "order.teleported"));

        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains("order.teleported");
                });
    }

    @Test
    void typeThatIsNotAStringIsNamed() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.put("type", 7));

        assertMalformed(json, "type");
    }

    @Test
    void otherSchemaVersionIsRejected() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.put("schemaVersion", 2));

        assertMalformed(json, "schemaVersion");
    }

    @Test
    void typedDecodeOfAnotherTypeIsRejected() {
        String json = codec.encode(EventSamples.full(EventType.ORDER_PLACED));

        assertThatThrownBy(() -> codec.decode(json, OrderPaid.class))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains("order.paid").contains("order.placed");
                });
    }

    @Test
    void typedDecodeGivesTheTypedPayload() {
        String json = codec.encode(EventSamples.full(EventType.ORDER_PAID));

        EventEnvelope<OrderPaid> decoded = codec.decode(json, OrderPaid.class);

        assertThat(decoded.payload().lines()).hasSize(2);
        assertThat(decoded.payload().paidAmount()).isEqualByComparingTo("578");
    }

    @Test
    void invalidEventIdIsNamed() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.put("eventId", "not-a-uuid"));

        assertMalformed(json, "eventId");
    }

    @Test
    void invalidTimestampIsNamed() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)),
                root -> ((ObjectNode) root.get("payload")).put("paidAt", "yesterday"));

        assertMalformed(json, "payload.paidAt");
    }

    @Test
    void unknownEnumValueIsNamed() {
        String json = edit(codec.encode(EventSamples.full(EventType.BEHAVIOUR_RECORDED)),
                root -> ((ObjectNode) root.get("payload")).put("channel", "television"));

        assertMalformed(json, "payload.channel");
    }

    @Test
    void javaNameOfAnEnumIsNotAWireName() {
        String json = edit(codec.encode(EventSamples.full(EventType.BEHAVIOUR_RECORDED)),
                root -> ((ObjectNode) root.get("payload")).put("behaviour", "ADD_TO_CART"));

        assertMalformed(json, "payload.behaviour");
    }

    @Test
    void badValueInsideAListIsNamedWithItsIndex() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PLACED)),
                root -> ((ObjectNode) root.at("/payload/lines/1")).put("quantity", "three"));

        assertMalformed(json, "payload.lines[1].quantity");
    }

    @Test
    void missingFieldInsideAListIsNamedWithItsIndex() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PLACED)),
                root -> ((ObjectNode) root.at("/payload/lines/0")).remove("quantity"));

        assertMalformed(json, "payload.lines[0].quantity");
    }

    @Test
    void nullFieldInsideAListIsNamedWithItsIndex() {
        String json = edit(codec.encode(EventSamples.full(EventType.CUSTOMER_UPSERTED)),
                root -> ((ObjectNode) root.at("/payload/consents/1")).putNull("channel"));

        assertMalformed(json, "payload.consents[1].channel");
    }

    @Test
    void nullElementOfAListIsNamedWithItsIndex() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)),
                root -> root.withArray("/payload/lines").insertNull(1));

        assertMalformed(json, "payload.lines[1]");
    }

    @Test
    void payloadOfTheWrongShapeIsNamed() {
        String json = edit(codec.encode(EventSamples.full(EventType.ORDER_PAID)), root -> root.put("payload", "paid"));

        assertMalformed(json, "payload");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void absentOrNullOptionalFlagMeansFalse(boolean leftOut) {
        EventEnvelope<?> event = EventSamples.full(EventType.BEHAVIOUR_RECORDED);
        String json = edit(codec.encode(event), root -> {
            ObjectNode payload = (ObjectNode) root.get("payload");
            payload.put("anonymous", true);
            if (leftOut) {
                payload.remove("anonymous");
            } else {
                payload.putNull("anonymous");
            }
        });

        EventEnvelope<BehaviourRecorded> decoded = codec.decode(json, BehaviourRecorded.class);

        assertThat(decoded.payload().anonymous()).isFalse();
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void anonymousVisitorRoundTrips() {
        BehaviourRecorded visit = new BehaviourRecorded("v-555", true, BehaviourType.SEARCH, Channel.H5, null, null,
                "raincoat", null, null, null, EventSamples.AT, null);
        EventEnvelope<BehaviourRecorded> event = EventEnvelope.of(EventSamples.EVENT_ID, EventSamples.AT,
                EventType.BEHAVIOUR_RECORDED, EventSamples.PRODUCER, "v-555", visit);

        assertThat(codec.decode(codec.encode(event), BehaviourRecorded.class).payload().anonymous()).isTrue();
    }

    @Test
    void offsetTimestampsAreReadAsTheSameInstant() {
        EventEnvelope<?> event = EventSamples.full(EventType.ORDER_CANCELLED);
        String json = edit(codec.encode(event), root -> root.put("occurredAt", "2024-11-11T10:15:30.123456789+08:00"));

        assertThat(codec.decode(json).occurredAt()).isEqualTo(EventSamples.AT);
    }

    @Test
    void moneyKeepsItsScale() {
        String json = codec.encode(EventSamples.full(EventType.ORDER_PLACED));

        assertThat(json).contains("\"totalAmount\":578.00").contains("\"unitPrice\":199.00");
        assertThat(codec.decode(json, OrderPlaced.class).payload().totalAmount()).hasToString("578.00");
    }

    @Test
    void encodeRefusesAPayloadOfAnotherType() {
        EventEnvelope<?> wrong = new EventEnvelope<>(EventSamples.EVENT_ID, "order.paid", 1, EventSamples.AT,
                EventSamples.PRODUCER, EventSamples.CUSTOMER, EventSamples.fullPayload(EventType.ORDER_PLACED));

        assertThatThrownBy(() -> codec.encode(wrong))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("payload"));
    }

    @Test
    void encodeRefusesAnUnknownType() {
        EventEnvelope<?> wrong = new EventEnvelope<>(EventSamples.EVENT_ID, "order.lost", 1, EventSamples.AT,
                EventSamples.PRODUCER, EventSamples.CUSTOMER, EventSamples.fullPayload(EventType.ORDER_PLACED));

        assertThatThrownBy(() -> codec.encode(wrong))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void encodeRefusesACustomerScopedEventWithoutCustomer() {
        EventEnvelope<?> wrong = new EventEnvelope<>(EventSamples.EVENT_ID, "order.placed", 1, EventSamples.AT,
                EventSamples.PRODUCER, null, EventSamples.fullPayload(EventType.ORDER_PLACED));

        assertThatThrownBy(() -> codec.encode(wrong))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
    }

    private void assertMalformed(String json, String field) {
        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }

    private ObjectNode tree(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String edit(String json, Consumer<ObjectNode> change) {
        ObjectNode root = tree(json);
        change.accept(root);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
