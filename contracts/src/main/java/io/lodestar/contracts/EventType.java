package io.lodestar.contracts;

import io.lodestar.contracts.alert.AlertRaised;
import io.lodestar.contracts.alert.AlertResolved;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.CustomerFeedbackGiven;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.contracts.order.OrderCancelled;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.contracts.product.ItemTrending;
import io.lodestar.contracts.segment.SegmentEntered;
import io.lodestar.contracts.segment.SegmentExited;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type there is: its name on the wire, its topic, its payload record and its schema.
 *
 * <p>This enum is the single registry the codec, the schemas and the tests are checked against; adding
 * an event type means adding a constant here, a payload record and a schema file (see the README).
 */
public enum EventType {
    CUSTOMER_UPSERTED("customer.upserted", Topics.CUSTOMERS, CustomerUpserted.class, true),
    BEHAVIOUR_RECORDED("behaviour.recorded", Topics.CUSTOMER_EVENTS, BehaviourRecorded.class, true),
    CUSTOMER_FEEDBACK_GIVEN("customer.feedback-given", Topics.CUSTOMER_EVENTS, CustomerFeedbackGiven.class, true),
    ORDER_PLACED("order.placed", Topics.ORDERS, OrderPlaced.class, true),
    ORDER_PAID("order.paid", Topics.ORDERS, OrderPaid.class, true),
    ORDER_REFUNDED("order.refunded", Topics.ORDERS, OrderRefunded.class, true),
    ORDER_CANCELLED("order.cancelled", Topics.ORDERS, OrderCancelled.class, true),
    IDENTITY_MERGED("identity.merged", Topics.IDENTITY, CustomersMerged.class, true),
    IDENTITY_ERASED("identity.erased", Topics.IDENTITY, CustomerErased.class, true),
    SEGMENT_ENTERED("segment.entered", Topics.SEGMENT_MEMBERSHIP, SegmentEntered.class, true),
    SEGMENT_EXITED("segment.exited", Topics.SEGMENT_MEMBERSHIP, SegmentExited.class, true),
    PRODUCT_TRENDING("product.trending", Topics.PRODUCT_TRENDS, ItemTrending.class, false),
    CAMPAIGN_MESSAGE_DISPATCHED("campaign.message-dispatched", Topics.CAMPAIGN_DISPATCH,
            MessageDispatched.class, true),
    CAMPAIGN_MESSAGE_FEEDBACK("campaign.message-feedback", Topics.CAMPAIGN_FEEDBACK,
            MessageFeedback.class, true),
    ALERT_RAISED("alert.raised", Topics.ALERTS, AlertRaised.class, false),
    ALERT_RESOLVED("alert.resolved", Topics.ALERTS, AlertResolved.class, false);

    private static final Map<String, EventType> BY_TYPE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<?> payloadType;
    private final int schemaVersion;
    private final boolean customerScoped;

    EventType(String typeName, String topic, Class<?> payloadType, boolean customerScoped) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadType = payloadType;
        this.schemaVersion = 1;
        this.customerScoped = customerScoped;
    }

    /** The envelope's {@code type}, e.g. {@code order.paid}. */
    public String typeName() {
        return typeName;
    }

    /** The topic this type is published to. */
    public String topic() {
        return topic;
    }

    /** The payload record class. */
    public Class<?> payloadType() {
        return payloadType;
    }

    /** Version of the payload schema; additive changes keep it, breaking changes get a new topic. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Whether the event is about one customer, so the envelope's {@code customerId} (the Kafka key) is required. */
    public boolean customerScoped() {
        return customerScoped;
    }

    /** Classpath location of the JSON Schema of the whole envelope, e.g. {@code /schemas/order.paid.v1.json}. */
    public String schemaResource() {
        return "/schemas/" + typeName + ".v" + schemaVersion + ".json";
    }

    /** The type with this {@link #typeName()}, or empty for a type this version does not know. */
    public static Optional<EventType> byTypeName(String typeName) {
        return Optional.ofNullable(typeName == null ? null : BY_TYPE_NAME.get(typeName));
    }

    /**
     * The type whose payload is {@code payloadType}.
     *
     * @throws IllegalArgumentException if the class is not an event payload
     */
    public static EventType of(Class<?> payloadType) {
        EventType type = BY_PAYLOAD_TYPE.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException("not an event payload: " + payloadType.getName());
        }
        return type;
    }
}
