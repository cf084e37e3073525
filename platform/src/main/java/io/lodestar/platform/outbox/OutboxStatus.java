package io.lodestar.platform.outbox;

import java.time.Instant;

/**
 * How far the relay is behind: operators watch {@code pending} and {@code oldestPendingAt} to see a Kafka outage
 * (events keep being committed and wait here, nothing is lost).
 *
 * @param pending          events committed but not yet acknowledged by Kafka
 * @param oldestPendingAt  when the oldest of them was committed, null when none waits
 * @param lastError        the broker's last refusal for the oldest pending event, null when none
 * @param lastSentAt       when an event was last acknowledged, null if never
 */
public record OutboxStatus(long pending, Instant oldestPendingAt, int oldestPendingAttempts, String lastError,
        Instant lastSentAt) {
}
