package io.lodestar.campaign.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.lodestar.contracts.MessageChannel;

/**
 * Spreads sends over time so that no channel gateway receives more messages per second than it accepts (SMS and
 * push providers throttle or reject bursts). Each limited channel has a virtual clock: the earliest instant of its next
 * free slot. A slot is taken at {@code max(clock, notBefore)} and moves the clock on by {@code 1/rate} seconds, so the
 * slots of a channel are at least that far apart and the clock never moves back.
 *
 * <p>The spacing is rounded <em>up</em> to the nanosecond (a rate of 3 per second spaces slots 333,333,334 ns apart),
 * so a channel stays at or under its rate. Channels without a configured rate are unlimited: their slot is
 * {@code notBefore} itself.
 *
 * <p>Because the clock only moves forward, a far-future {@code notBefore} moves it forward for every later caller:
 * ask for a slot when the message is due (a held message when it is released), not when it is scheduled a day ahead.
 *
 * <p>Thread-safe and lock-free: one {@link AtomicLong} of epoch nanoseconds per channel, advanced by compare-and-set,
 * so the dispatcher's worker threads can share one pacer. Instants are representable from 1677 to 2262.
 */
public final class ChannelPacer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Spacing per channel ordinal in nanoseconds; 0 means unlimited. */
    private final long[] spacingNanos;
    /** Next free slot per channel ordinal, in epoch nanoseconds; null for unlimited channels. */
    private final AtomicLong[] nextFree;

    /**
     * @param messagesPerSecond the rate of each limited channel; channels left out are unlimited
     * @throws IllegalArgumentException on a null map, key or value, or a rate that is not positive
     */
    public ChannelPacer(Map<MessageChannel, Integer> messagesPerSecond) {
        if (messagesPerSecond == null) {
            throw new IllegalArgumentException("channel rates must not be null (use an empty map for no limits)");
        }
        MessageChannel[] channels = MessageChannel.values();
        this.spacingNanos = new long[channels.length];
        this.nextFree = new AtomicLong[channels.length];
        for (Map.Entry<MessageChannel, Integer> entry : messagesPerSecond.entrySet()) {
            MessageChannel channel = entry.getKey();
            Integer rate = entry.getValue();
            if (channel == null) {
                throw new IllegalArgumentException("channel rates must not contain a null channel");
            }
            // Zero is refused rather than read as "unlimited" or "never": leave the channel out for no limit.
            if (rate == null || rate <= 0) {
                throw new IllegalArgumentException("rate of " + channel
                        + " must be a positive number of messages per second, was " + rate
                        + " (leave the channel out for no limit)");
            }
            spacingNanos[channel.ordinal()] = (NANOS_PER_SECOND + rate - 1) / rate;
            nextFree[channel.ordinal()] = new AtomicLong(Long.MIN_VALUE);
        }
    }

    /**
     * Takes the earliest send slot at or after {@code notBefore} that keeps {@code channel} at or under its rate.
     *
     * @throws IllegalArgumentException if {@code notBefore} is outside 1677–2262
     */
    public Instant slot(MessageChannel channel, Instant notBefore) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notBefore, "notBefore");
        AtomicLong clock = nextFree[channel.ordinal()];
        if (clock == null) {
            return notBefore;
        }
        long spacing = spacingNanos[channel.ordinal()];
        long earliest = epochNanos(notBefore);
        while (true) {
            long free = clock.get();
            long at = Math.max(free, earliest);
            if (clock.compareAndSet(free, at + spacing)) {
                return at == earliest ? notBefore : Instant.ofEpochSecond(0L, at);
            }
        }
    }

    /** The minimum time between two slots of {@code channel}, or empty if it is unlimited. */
    public Optional<Duration> spacing(MessageChannel channel) {
        Objects.requireNonNull(channel, "channel");
        long spacing = spacingNanos[channel.ordinal()];
        return spacing == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(spacing));
    }

    private static long epochNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("notBefore " + instant + " is outside the pacer's range (1677-2262)", e);
        }
    }
}
