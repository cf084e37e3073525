package io.lodestar.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The consumer groups' lag per partition (end offset − committed offset): what a failed drill reports. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** {@code group topic-partition: lag} for every partition with a lag, or why it could not be read. */
    static String describe(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<String, Long> lags = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS);
                committed.forEach((partition, offset) -> {
                    long lag = ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
                    if (lag > 0) {
                        lags.put(group.groupId() + " " + partition, lag);
                    }
                });
            }
            return lags.isEmpty() ? "no consumer group lags" : lags.toString();
        } catch (Exception e) {
            return "consumer lag unavailable: " + e;
        }
    }
}
