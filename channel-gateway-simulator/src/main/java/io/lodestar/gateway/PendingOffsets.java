package io.lodestar.gateway;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed. A record is pending from the moment it is read until its feedback (or its
 * dead-letter copy) has been acknowledged by the broker; the committable offset of a partition is its lowest pending
 * offset, or the offset after the last record read when none is pending. A message held for a future {@code sendAt}
 * therefore holds the partition's commit back, so that a crash re-reads it instead of losing it; the records after it
 * that were already answered are re-read too, and their feedback repeats with the same event ids, which consumers
 * drop. Used from the polling thread only.
 */
final class PendingOffsets {

    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /** A record was read and is not answered yet. */
    void read(TopicPartition partition, long offset) {
        pending.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        readUpTo.merge(partition, offset + 1, Math::max);
    }

    /** The record's output was acknowledged. */
    void answered(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = pending.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** The offsets that moved since the last {@link #committed(Map)}, one per partition. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        return committable(readUpTo.keySet());
    }

    /** As {@link #committable()}, restricted to {@code partitions}. */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long end = readUpTo.get(partition);
            if (end == null) {
                continue;
            }
            TreeSet<Long> open = pending.get(partition);
            long next = open == null || open.isEmpty() ? end : open.first();
            if (next > committed.getOrDefault(partition, -1L)) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }

    /** The broker accepted these commits. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
    }

    /** The partitions went to another consumer: it starts from their committed offsets, so nothing here is kept. */
    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            pending.remove(partition);
            readUpTo.remove(partition);
            committed.remove(partition);
        }
    }
}
