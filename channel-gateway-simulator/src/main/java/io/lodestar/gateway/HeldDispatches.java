package io.lodestar.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.kafka.common.TopicPartition;

import io.lodestar.contracts.campaign.MessageDispatched;

/**
 * Messages whose {@code sendAt} lies in the future, waiting in memory until they are due. Memory only, on purpose:
 * their offsets stay uncommitted ({@link PendingOffsets}), so Kafka is the durable copy and a restart reads them
 * again. Used from the polling thread only.
 */
final class HeldDispatches {

    /** One held message and the record it came from. */
    record Held(TopicPartition partition, long offset, MessageDispatched message) {
    }

    // Earliest sendAt first; ties in record order, so that one customer's messages keep their order.
    private final PriorityQueue<Held> queue = new PriorityQueue<>(Comparator
            .comparing((Held h) -> h.message().sendAt())
            .thenComparing(h -> h.partition().topic())
            .thenComparingInt(h -> h.partition().partition())
            .thenComparingLong(Held::offset));

    void hold(TopicPartition partition, long offset, MessageDispatched message) {
        queue.add(new Held(partition, offset, message));
    }

    /** Removes and returns every message due at {@code now} (sendAt at or before it), earliest first. */
    List<Held> takeDue(Instant now) {
        List<Held> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().message().sendAt().isAfter(now)) {
            due.add(queue.poll());
        }
        return due;
    }

    /** When the next message is due, or empty when nothing is held. */
    Optional<Instant> nextDue() {
        Held next = queue.peek();
        return next == null ? Optional.empty() : Optional.of(next.message().sendAt());
    }

    /** Drops the messages of partitions this consumer no longer owns; their new owner reads them again. */
    int release(Collection<TopicPartition> partitions) {
        int before = queue.size();
        queue.removeIf(h -> partitions.contains(h.partition()));
        return before - queue.size();
    }

    int size() {
        return queue.size();
    }
}
