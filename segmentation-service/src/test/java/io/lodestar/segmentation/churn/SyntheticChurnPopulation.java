package io.lodestar.segmentation.churn;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * A generated shop with a clear churn signal: half the customers are regulars who keep ordering every 10–45 days (on
 * average, exponential gaps) until the end of the data; the other half order every 35–100 days and stop for good 60–560
 * days after they joined. Each order is preceded by two product views. The generator is seeded, so every test sees the
 * same data.
 */
final class SyntheticChurnPopulation {

    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2024-04-01T00:00:00Z");
    static final Instant T2 = T1.plus(Duration.ofDays(90));

    final List<PaidOrderEvent> orders = new ArrayList<>();
    final List<BehaviourEvent> behaviour = new ArrayList<>();

    private SyntheticChurnPopulation() {
    }

    static SyntheticChurnPopulation generate(long seed, int customers) {
        SyntheticChurnPopulation population = new SyntheticChurnPopulation();
        Random random = new Random(seed);
        for (int i = 0; i < customers; i++) {
            String id = String.format("c%05d", i);
            boolean regular = random.nextBoolean();
            double meanGapDays = regular ? 10 + 35 * random.nextDouble() : 35 + 65 * random.nextDouble();
            Instant joined = START.plus(days(400 * random.nextDouble()));
            Instant stops = regular ? END : joined.plus(days(60 + 500 * random.nextDouble()));
            Instant until = stops.isBefore(END) ? stops : END;
            for (Instant t = joined; !t.isAfter(until); t = t.plus(days(-meanGapDays * Math.log(1 - random.nextDouble())))) {
                population.orders.add(new PaidOrderEvent(id, t, BigDecimal.valueOf(2000 + random.nextInt(18000), 2)));
                for (int view = 0; view < 2; view++) {
                    Instant viewedAt = t.minus(days(3 * random.nextDouble()));
                    population.behaviour.add(new BehaviourEvent(id, viewedAt, BehaviourType.PRODUCT_VIEW));
                }
            }
        }
        return population;
    }

    ChurnHistory history() {
        return ChurnHistory.of(orders, behaviour, END);
    }

    private static Duration days(double days) {
        return Duration.ofSeconds(Math.round(days * 86_400));
    }
}
