package io.lodestar.segmentation.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.segmentation.config.TrafficConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one Kafka batch of {@code lodestar.customer-events.v1} or {@code lodestar.orders.v1} records to the traffic
 * aggregates, in one transaction per topic: lock the stored offsets of the batch's partitions, skip the records at or
 * below them (a redelivery), decode the rest, hand the undecodable ones to the dead-letter callback (acknowledged
 * before going on), look up the current ids of the batch's customers and visitors (a merged id counts for its survivor,
 * an erased customer's facts are dropped, as the feature consumer does), add the visitors to the HyperLogLogs
 * (idempotent), write the batch's sums with one upsert per table and advance the offsets. Behaviour events and paid orders are used; other event types are skipped. A failing write
 * is retried with back-off, {@code lodestar.traffic.batch-attempts} times in all, before the batch fails.
 */
@ApplicationScoped
public class TrafficAggregationService {

    /** A record that could not be decoded, and why. */
    public record Rejected(ConsumerRecord<String, String> record, String reason) {
    }

    private final Pool pool;
    private final TrafficRepository traffic;
    private final UniqueVisitorRepository visitors;
    private final EventCodec codec;
    private final TrafficConfig config;

    public TrafficAggregationService(Pool pool, TrafficRepository traffic, UniqueVisitorRepository visitors,
                                     EventCodec codec, TrafficConfig config) {
        this.pool = pool;
        this.traffic = traffic;
        this.visitors = visitors;
        this.codec = codec;
        this.config = config;
    }

    public Uni<Void> apply(String consumer, Iterable<ConsumerRecord<String, String>> records,
                           Function<List<Rejected>, Uni<Void>> deadLetters) {
        Map<String, List<ConsumerRecord<String, String>>> byTopic = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<ConsumerRecord<String, String>>> topic : byTopic.entrySet()) {
            chain = chain.chain(() -> applyTopic(consumer, topic.getKey(), topic.getValue(), deadLetters)
                    .onFailure().invoke(e -> Log.errorf(e, "%s: batch of %d records of %s failed, retrying", consumer,
                            topic.getValue().size(), topic.getKey()))
                    .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .atMost(Math.max(0, config.batchAttempts() - 1L)));
        }
        return chain;
    }

    private Uni<Void> applyTopic(String consumer, String topic, List<ConsumerRecord<String, String>> records,
                                 Function<List<Rejected>, Uni<Void>> deadLetters) {
        Map<Integer, Long> last = new TreeMap<>();
        records.forEach(r -> last.merge(r.partition(), r.offset(), Math::max));
        Integer[] partitions = last.keySet().toArray(Integer[]::new);
        return pool.withTransaction(connection -> traffic.lockOffsets(connection, consumer, topic, partitions)
                .chain(stored -> {
                    List<ConsumerRecord<String, String>> fresh = records.stream()
                            .filter(r -> r.offset() > stored.getOrDefault(r.partition(), -1L)).toList();
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return write(connection, fresh, deadLetters)
                            .chain(() -> traffic.advanceOffsets(connection, consumer, topic, partitions,
                                    last.values().toArray(Long[]::new)));
                }));
    }

    private Uni<Void> write(SqlConnection connection, List<ConsumerRecord<String, String>> records,
                            Function<List<Rejected>, Uni<Void>> deadLetters) {
        List<BehaviourRecorded> behaviours = new ArrayList<>();
        List<OrderPaid> orders = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope<?> event = codec.decode(record.value());
                if (event.payload() instanceof BehaviourRecorded behaviour) {
                    behaviours.add(behaviour);
                    ids.add(behaviour.customerId());
                } else if (event.payload() instanceof OrderPaid paid) {
                    orders.add(paid);
                    ids.add(paid.customerId());
                }
            } catch (RuntimeException e) {
                Log.warnf("traffic: malformed record %s-%d@%d sent to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                rejected.add(new Rejected(record, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        Uni<Void> dead = rejected.isEmpty() ? Uni.createFrom().voidItem() : deadLetters.apply(rejected);
        return dead.chain(() -> traffic.currentIds(connection, ids)).chain(current -> {
            TrafficBatch batch = batch(behaviours, orders, current);
            return visitors.add(batch, Instant.now()).chain(() -> traffic.add(connection, batch, config.heatmapZone()));
        });
    }

    /**
     * The batch of the facts, each counted for its customer's current id: a merged id's for the survivor (as the
     * feature consumer re-keys late facts of a merged id), an erased customer's not at all (as it drops them).
     */
    private TrafficBatch batch(List<BehaviourRecorded> behaviours, List<OrderPaid> orders,
                               Map<String, Optional<String>> current) {
        Map<String, String> survivors = new HashMap<>();
        current.forEach((id, survivor) -> survivor.ifPresent(s -> survivors.put(id, s)));
        TrafficBatch batch = new TrafficBatch(config.heatmapZone(), config.funnelSessionWindow(), survivors);
        behaviours.stream().filter(b -> notErased(b.customerId(), current)).forEach(batch::add);
        orders.stream().filter(o -> notErased(o.customerId(), current)).forEach(batch::add);
        return batch;
    }

    private static boolean notErased(String id, Map<String, Optional<String>> current) {
        if (current.getOrDefault(id, Optional.of(id)).isPresent()) {
            return true;
        }
        Log.debugf("traffic: a fact about erased customer %s dropped", id);
        return false;
    }
}
