package io.lodestar.campaign.delivery;

import static io.lodestar.contracts.MessageChannel.APP_PUSH;
import static io.lodestar.contracts.MessageChannel.EMAIL;
import static io.lodestar.contracts.MessageChannel.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.lodestar.contracts.MessageChannel;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {

    private static final Instant T0 = Instant.parse("2024-03-06T04:00:00Z");

    @Test
    void tenPerSecondGivesTenSlotsAHundredMillisecondsApart() {
        ChannelPacer pacer = new ChannelPacer(Map.of(SMS, 10));

        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            slots.add(pacer.slot(SMS, T0));
        }

        assertThat(slots).containsExactly(T0, T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(300),
                T0.plusMillis(400), T0.plusMillis(500), T0.plusMillis(600), T0.plusMillis(700), T0.plusMillis(800),
                T0.plusMillis(900));
        // The eleventh falls in the next second.
        assertThat(pacer.slot(SMS, T0)).isEqualTo(T0.plusSeconds(1));
        assertThat(pacer.spacing(SMS)).hasValue(Duration.ofMillis(100));
    }

    @Test
    void unlimitedChannelsReturnNotBefore() {
        ChannelPacer pacer = new ChannelPacer(Map.of(SMS, 10));

        assertThat(pacer.slot(APP_PUSH, T0)).isSameAs(T0);
        assertThat(pacer.slot(APP_PUSH, T0)).isSameAs(T0);
        assertThat(pacer.spacing(APP_PUSH)).isEmpty();
    }

    @Test
    void channelsArePacedIndependently() {
        ChannelPacer pacer = new ChannelPacer(Map.of(SMS, 10, EMAIL, 2));

        assertThat(pacer.slot(SMS, T0)).isEqualTo(T0);
        assertThat(pacer.slot(EMAIL, T0)).isEqualTo(T0);
        assertThat(pacer.slot(EMAIL, T0)).isEqualTo(T0.plusMillis(500));
        assertThat(pacer.slot(SMS, T0)).isEqualTo(T0.plusMillis(100));
    }

    @Test
    void theClockJumpsForwardToALaterNotBeforeAndNeverMovesBack() {
        ChannelPacer pacer = new ChannelPacer(Map.of(SMS, 10));
        pacer.slot(SMS, T0);
        pacer.slot(SMS, T0);

        // Idle until T0 + 5 s: that slot is free.
        assertThat(pacer.slot(SMS, T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(5));
        // An earlier notBefore gets the next slot after it, not a gap left behind.
        assertThat(pacer.slot(SMS, T0)).isEqualTo(T0.plusMillis(5_100));
    }

    @Test
    void roundsTheSpacingUpSoTheRateIsNeverExceeded() {
        ChannelPacer pacer = new ChannelPacer(Map.of(SMS, 3));

        // 1 s / 3 = 333,333,333.3 ns, rounded up to 333,333,334 ns.
        assertThat(pacer.spacing(SMS)).hasValue(Duration.ofNanos(333_333_334));
        pacer.slot(SMS, T0);
        pacer.slot(SMS, T0);
        assertThat(pacer.slot(SMS, T0)).isEqualTo(T0.plusNanos(666_666_668));
        // The fourth is just past one second after the first: at most three in any second.
        assertThat(pacer.slot(SMS, T0)).isEqualTo(T0.plusNanos(1_000_000_002));
    }

    @Test
    void refusesRatesThatAreNotPositive() {
        Map<MessageChannel, Integer> nullRate = new HashMap<>();
        nullRate.put(SMS, null);

        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelPacer(Map.of(SMS, 0)))
                .withMessageStartingWith("rate of SMS must be a positive number of messages per second, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelPacer(Map.of(SMS, -5)))
                .withMessageContaining("was -5");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelPacer(nullRate))
                .withMessageContaining("was null");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelPacer(null))
                .withMessageStartingWith("channel rates must not be null");
    }

    @Test
    void concurrentCallersNeverGetSlotsCloserThanTheSpacing() throws Exception {
        ChannelPacer pacer = new ChannelPacer(Map.of(SMS, 1_000, APP_PUSH, 500));
        int threads = 4;
        int perThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[][]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<long[][]> worker = () -> {
                    start.await();
                    long[] sms = new long[perThread];
                    long[] push = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        sms[i] = Duration.between(T0, pacer.slot(SMS, T0)).toNanos();
                        push[i] = Duration.between(T0, pacer.slot(APP_PUSH, T0)).toNanos();
                    }
                    return new long[][] {sms, push};
                };
                futures.add(pool.submit(worker));
            }
            start.countDown();
            long[] sms = new long[threads * perThread];
            long[] push = new long[threads * perThread];
            for (int t = 0; t < threads; t++) {
                long[][] result = futures.get(t).get(30, TimeUnit.SECONDS);
                System.arraycopy(result[0], 0, sms, t * perThread, perThread);
                System.arraycopy(result[1], 0, push, t * perThread, perThread);
            }

            // All callers asked for T0, so the slots are exactly T0 + k · spacing, each taken once.
            assertEvenlySpaced(sms, 1_000_000L);
            assertEvenlySpaced(push, 2_000_000L);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEvenlySpaced(long[] offsets, long spacingNanos) {
        long[] sorted = offsets.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            assertThat(sorted[k]).as("slot %d", k).isEqualTo(k * spacingNanos);
        }
    }
}
