package io.lodestar.contracts;

import io.lodestar.contracts.alert.AlertRaised;
import io.lodestar.contracts.alert.AlertResolved;
import io.lodestar.contracts.alert.Severity;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.behaviour.CustomerFeedbackGiven;
import io.lodestar.contracts.behaviour.CustomerFeedbackKind;
import io.lodestar.contracts.campaign.FeedbackKind;
import io.lodestar.contracts.campaign.MessageDispatched;
import io.lodestar.contracts.campaign.MessageFeedback;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Consent;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.identity.CustomersMerged;
import io.lodestar.contracts.order.OrderCancelled;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderPlaced;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.contracts.product.ItemTrending;
import io.lodestar.contracts.segment.SegmentEntered;
import io.lodestar.contracts.segment.SegmentExited;
import io.lodestar.contracts.segment.SegmentKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fully populated and one minimal (required fields only) event of every type. The switches are
 * exhaustive, so a new {@link EventType} does not compile until it has samples here.
 */
public final class EventSamples {

    public static final UUID EVENT_ID = UUID.fromString("6f1c2a0e-8d3b-4c55-9a7e-2b4f1d9e0c11");
    /** Nanosecond precision on purpose: the round trip must keep it. */
    public static final Instant AT = Instant.parse("2024-11-11T02:15:30.123456789Z");
    public static final Instant EARLIER = Instant.parse("2024-11-10T16:00:00Z");
    public static final String CUSTOMER = "c-1001";
    public static final String PRODUCER = "contracts-test";

    private EventSamples() {
    }

    /** An event of {@code type} with every field set. */
    public static EventEnvelope<?> full(EventType type) {
        return envelope(type, fullPayload(type));
    }

    /** An event of {@code type} with only the required fields set. */
    public static EventEnvelope<?> minimal(EventType type) {
        return envelope(type, minimalPayload(type));
    }

    private static EventEnvelope<?> envelope(EventType type, Object payload) {
        return EventEnvelope.of(EVENT_ID, AT, type, PRODUCER, type.customerScoped() ? CUSTOMER : null, payload);
    }

    public static Object fullPayload(EventType type) {
        return switch (type) {
            case CUSTOMER_UPSERTED -> new CustomerUpserted(CUSTOMER, Gender.FEMALE, LocalDate.of(1992, 3, 14),
                    "Hangzhou", "Zhejiang", "east-china", CityTier.NEW_TIER_1, "engineer", "20k-30k",
                    Channel.MINI_PROGRAM, EARLIER, MemberTier.GOLD, 12800L, "Asia/Shanghai",
                    List.of(new Consent(MessageChannel.SMS, true, EARLIER, "register-form", "marketing"),
                            new Consent(MessageChannel.EMAIL, false, AT, "unsubscribe-link", null)),
                    attributes(), AT);
            case BEHAVIOUR_RECORDED -> new BehaviourRecorded(CUSTOMER, false, BehaviourType.RECOMMENDATION_CLICK,
                    Channel.APP, "sku-42", "running-shoes", "trail shoes", "s-77", "cmp-9", "rec-3", AT,
                    Map.of("referrer", "push"));
            case CUSTOMER_FEEDBACK_GIVEN -> new CustomerFeedbackGiven("fb-1", CUSTOMER, CustomerFeedbackKind.COMPLAINT,
                    2, "delivery", Channel.MINI_PROGRAM, "o-9001", AT);
            case ORDER_PLACED -> new OrderPlaced("o-9001", CUSTOMER, "CNY", fullLines(), new BigDecimal("578.00"),
                    new BigDecimal("40.00"), Channel.LIVE_STREAM, "cmp-9", "DOUBLE11-40", AT);
            case ORDER_PAID -> new OrderPaid("o-9001", CUSTOMER, "CNY", fullLines(), new BigDecimal("578.00"),
                    new BigDecimal("40.00"), Channel.LIVE_STREAM, "cmp-9", "DOUBLE11-40", AT);
            case ORDER_REFUNDED -> new OrderRefunded("o-9001", CUSTOMER, "CNY", new BigDecimal("199.00"),
                    List.of(fullLines().get(1)), "wrong size", AT);
            case ORDER_CANCELLED -> new OrderCancelled("o-9001", CUSTOMER, "changed mind", AT);
            case IDENTITY_MERGED -> new CustomersMerged(CUSTOMER, "v-555", AT);
            case IDENTITY_ERASED -> new CustomerErased(CUSTOMER, AT, "customer-request");
            case SEGMENT_ENTERED -> new SegmentEntered("seg-7", "Important develop", SegmentKind.RFM, CUSTOMER,
                    "R=4 F=1 M=3", AT);
            case SEGMENT_EXITED -> new SegmentExited("seg-7", "Important develop", SegmentKind.RFM, CUSTOMER,
                    "F rose to 3", AT);
            case PRODUCT_TRENDING -> new ItemTrending("sku-42", "running-shoes", 0.87, 1.5, 24, AT);
            case CAMPAIGN_MESSAGE_DISPATCHED -> new MessageDispatched("m-1", "cmp-9", "j-2", "B",
                    MessageChannel.APP_PUSH, CUSTOMER, "tpl-5", "Your size is back in stock", "BACK10",
                    List.of("sku-42", "sku-43"), AT);
            case CAMPAIGN_MESSAGE_FEEDBACK -> new MessageFeedback("m-1", "cmp-9", CUSTOMER, MessageChannel.APP_PUSH,
                    FeedbackKind.CLICKED, AT, "https://shop.example/sku-42");
            case ALERT_RAISED -> new AlertRaised("al-3", "orders.paid.count", "channel=live_stream", 120.0, 480.5,
                    Severity.CRITICAL, "Paid orders from live stream are 75 % below baseline", EARLIER, AT);
            case ALERT_RESOLVED -> new AlertResolved("al-3", "orders.paid.count", "Back in range", AT);
        };
    }

    public static Object minimalPayload(EventType type) {
        return switch (type) {
            case CUSTOMER_UPSERTED -> new CustomerUpserted(CUSTOMER, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, AT);
            case BEHAVIOUR_RECORDED -> new BehaviourRecorded(CUSTOMER, false, BehaviourType.PAGE_VIEW, Channel.WEB,
                    null, null, null, null, null, null, AT, null);
            case CUSTOMER_FEEDBACK_GIVEN -> new CustomerFeedbackGiven("fb-1", CUSTOMER, CustomerFeedbackKind.NPS,
                    null, null, null, null, AT);
            case ORDER_PLACED -> new OrderPlaced("o-9001", CUSTOMER, "CNY", minimalLines(), new BigDecimal("99"),
                    null, null, null, null, AT);
            case ORDER_PAID -> new OrderPaid("o-9001", CUSTOMER, "CNY", minimalLines(), new BigDecimal("99"),
                    null, null, null, null, AT);
            case ORDER_REFUNDED -> new OrderRefunded("o-9001", CUSTOMER, "CNY", new BigDecimal("99"), null, null, AT);
            case ORDER_CANCELLED -> new OrderCancelled("o-9001", CUSTOMER, null, AT);
            case IDENTITY_MERGED -> new CustomersMerged(CUSTOMER, "v-555", AT);
            case IDENTITY_ERASED -> new CustomerErased(CUSTOMER, AT, null);
            case SEGMENT_ENTERED -> new SegmentEntered("seg-7", "Lost", SegmentKind.CHURN, CUSTOMER, "no order in 90 days", AT);
            case SEGMENT_EXITED -> new SegmentExited("seg-7", "Lost", SegmentKind.CHURN, CUSTOMER, "paid an order", AT);
            case PRODUCT_TRENDING -> new ItemTrending("sku-42", null, 3, -0.25, 1, AT);
            case CAMPAIGN_MESSAGE_DISPATCHED -> new MessageDispatched("m-1", "cmp-9", null, null, MessageChannel.SMS,
                    CUSTOMER, null, "Hi", null, null, AT);
            case CAMPAIGN_MESSAGE_FEEDBACK -> new MessageFeedback("m-1", "cmp-9", CUSTOMER, MessageChannel.SMS,
                    FeedbackKind.BOUNCED, AT, null);
            case ALERT_RAISED -> new AlertRaised("al-3", "orders.paid.count", null, 0, 10, Severity.INFO,
                    "No paid orders", EARLIER, AT);
            case ALERT_RESOLVED -> new AlertResolved("al-3", "orders.paid.count", null, AT);
        };
    }

    private static List<OrderLine> fullLines() {
        return List.of(
                new OrderLine("sku-42", "running-shoes", "Trail runner", 2, new BigDecimal("199.00"),
                        new BigDecimal("20.00")),
                new OrderLine("sku-43", "socks", "Merino socks", 1, new BigDecimal("220.00"), new BigDecimal("0")));
    }

    private static List<OrderLine> minimalLines() {
        return List.of(new OrderLine("sku-42", null, null, 1, new BigDecimal("99"), null));
    }

    /** Values of every JSON kind that read back equal (whole numbers as Integer, decimals as BigDecimal). */
    private static Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("vip", true);
        attributes.put("children", 2);
        attributes.put("heightM", new BigDecimal("1.65"));
        attributes.put("style", "minimal");
        attributes.put("brands", List.of("anta", "li-ning"));
        attributes.put("size", Map.of("shoe", "38"));
        return attributes;
    }
}
