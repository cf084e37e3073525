package io.lodestar.contracts;

import java.util.List;

/**
 * Kafka topic names, in one place so that producers, consumers and deployment scripts cannot drift.
 *
 * <p>Names carry a version suffix: a breaking change to an event gets a new topic ({@code ….v2}) that
 * runs next to the old one until every consumer has moved, while additive changes stay on the same
 * topic. Customer-scoped events are keyed by {@code customerId} so that one customer's events stay in
 * order on one partition.
 */
public final class Topics {

    /**
     * Customer profile snapshots ({@code customer.upserted}). Compacted: Kafka keeps the latest record
     * per customer, so every record is a full snapshot, and a {@code null} value (tombstone) removes a
     * customer. Tombstones are not events: check for a null value before calling {@link EventCodec}.
     */
    public static final String CUSTOMERS = "lodestar.customers.v1";
    /** Behaviour of customers and visitors on every touchpoint ({@code behaviour.recorded}). */
    public static final String CUSTOMER_EVENTS = "lodestar.customer-events.v1";
    /** Order lifecycle: placed, paid, refunded, cancelled. */
    public static final String ORDERS = "lodestar.orders.v1";
    /** Identity changes: customers merged, customers erased. */
    public static final String IDENTITY = "lodestar.identity.v1";
    /** Customers entering and leaving segments, with the reason. */
    public static final String SEGMENT_MEMBERSHIP = "lodestar.segment-membership.v1";
    /** Items whose interest is growing unusually fast. Not customer-scoped. */
    public static final String PRODUCT_TRENDS = "lodestar.product-trends.v1";
    /** Messages handed to the channel gateways for sending. */
    public static final String CAMPAIGN_DISPATCH = "lodestar.campaign-dispatch.v1";
    /** What the channel gateways report back: delivered, opened, clicked, bounced, unsubscribed. */
    public static final String CAMPAIGN_FEEDBACK = "lodestar.campaign-feedback.v1";
    /** Operations anomalies raised and resolved. Not customer-scoped. */
    public static final String ALERTS = "lodestar.alerts.v1";

    /** Suffix of the dead-letter topic that receives what a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** How a topic is created. */
    public record TopicSpec(String name, boolean compacted, int partitions) {
    }

    // The two high-volume topics get more partitions; the rest are low-volume.
    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(CUSTOMERS, true, 3),
            new TopicSpec(CUSTOMER_EVENTS, false, 6),
            new TopicSpec(ORDERS, false, 6),
            new TopicSpec(IDENTITY, false, 3),
            new TopicSpec(SEGMENT_MEMBERSHIP, false, 3),
            new TopicSpec(PRODUCT_TRENDS, false, 3),
            new TopicSpec(CAMPAIGN_DISPATCH, false, 3),
            new TopicSpec(CAMPAIGN_FEEDBACK, false, 3),
            new TopicSpec(ALERTS, false, 3));

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}, e.g. {@code lodestar.orders.v1.dlq}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every event topic (dead-letter topics not included), in a fixed order. */
    public static List<TopicSpec> all() {
        return ALL;
    }
}
