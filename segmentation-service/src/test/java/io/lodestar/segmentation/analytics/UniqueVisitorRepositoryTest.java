package io.lodestar.segmentation.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The HyperLogLog estimates of the real Redis on known sets: Redis documents a standard error of 0.81%, so 100,000
 * distinct visitors must read within 3% (more than 3.5 standard errors) and a union must count shared visitors once.
 */
@QuarkusTest
class UniqueVisitorRepositoryTest {

    @Inject
    UniqueVisitorRepository visitors;

    @Test
    void distinctVisitorsAndTheirUnionOverDaysAreWithinTheHyperLogLogError() {
        // Recent enough for the hourly keys (kept 35 days) too.
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(3, 30));
        String run = Long.toString(System.nanoTime(), 36);
        // Day one: visitors 0..59,999; day two: 40,000..99,999 (20,000 on both days); each also seen twice.
        TrafficBatch batch = FunnelCounterTest.dailyBatch();
        for (int i = 0; i < 100_000; i++) {
            String visitor = "hll-" + run + "-" + i;
            for (int day = 0; day < 2; day++) {
                if (day == 0 ? i < 60_000 : i >= 40_000) {
                    Instant at = first.plusDays(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
                    batch.add(FunnelCounterTest.behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.COMMUNITY,
                            null, at));
                    batch.add(FunnelCounterTest.behaviour(visitor, true, BehaviourType.PAGE_VIEW, Channel.COMMUNITY,
                            null, at.plusSeconds(60)));
                }
            }
        }
        visitors.add(batch, Instant.now()).await().atMost(Duration.ofSeconds(60));

        long dayOne = visitors.daysUnion(first, first, "community").await().atMost(Duration.ofSeconds(5));
        long dayTwo = visitors.daysUnion(first.plusDays(1), first.plusDays(1), "all").await().atMost(Duration.ofSeconds(5));
        long both = visitors.daysUnion(first, first.plusDays(1), "community").await().atMost(Duration.ofSeconds(5));
        assertThat((double) dayOne).isCloseTo(60_000, within(60_000 * 0.03));
        assertThat((double) dayTwo).isCloseTo(60_000, within(60_000 * 0.03));
        assertThat((double) both).isCloseTo(100_000, within(100_000 * 0.03));
        // The pipelined form answers the same counts, in the order of the periods asked.
        assertThat(visitors.daysUnions(List.of(new TrafficParameters.Period(first, first.plusDays(1)),
                new TrafficParameters.Period(first, first)), "community").await().atMost(Duration.ofSeconds(5)))
                .containsExactly(both, dayOne);
        long hour = visitors.hourly(first.atTime(10, 0).toInstant(ZoneOffset.UTC),
                first.atTime(11, 0).toInstant(ZoneOffset.UTC), "community").await().atMost(Duration.ofSeconds(5))
                .get(0).count();
        assertThat((double) hour).isCloseTo(60_000, within(60_000 * 0.03));
    }
}
