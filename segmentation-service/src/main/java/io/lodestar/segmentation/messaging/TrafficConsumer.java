package io.lodestar.segmentation.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.lodestar.segmentation.analytics.TrafficAggregationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Behaviour from {@code lodestar.customer-events.v1} (anonymous visitors included) and paid orders from
 * {@code lodestar.orders.v1}, for traffic, the funnel, paths and the heatmap. Each channel has its own consumer group
 * and takes Kafka batches, so the aggregation neither slows nor couples to the per-customer features; a batch is
 * acknowledged once its transaction has committed. Undecodable records go to {@code <topic>.dlq} through
 * {@link DeadLetterPublisher}.
 */
@ApplicationScoped
public class TrafficConsumer {

    public static final String BEHAVIOUR_CHANNEL = "customer-events-traffic";
    public static final String ORDERS_CHANNEL = "orders-traffic";

    private final TrafficAggregationService aggregation;
    private final DeadLetterPublisher deadLetters;

    public TrafficConsumer(TrafficAggregationService aggregation, DeadLetterPublisher deadLetters) {
        this.aggregation = aggregation;
        this.deadLetters = deadLetters;
    }

    @Incoming(BEHAVIOUR_CHANNEL)
    public Uni<Void> consumeBehaviour(ConsumerRecords<String, String> records) {
        return aggregation.apply(BEHAVIOUR_CHANNEL, records,
                rejected -> deadLetters.send(BEHAVIOUR_CHANNEL, rejected));
    }

    @Incoming(ORDERS_CHANNEL)
    public Uni<Void> consumeOrders(ConsumerRecords<String, String> records) {
        return aggregation.apply(ORDERS_CHANNEL, records, rejected -> deadLetters.send(ORDERS_CHANNEL, rejected));
    }
}
