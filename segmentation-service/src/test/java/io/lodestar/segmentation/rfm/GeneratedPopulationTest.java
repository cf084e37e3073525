package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.AS_OF;
import static io.lodestar.segmentation.rfm.RfmFixtures.quintiles;
import static io.lodestar.segmentation.rfm.RfmFixtures.thresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 100,000-customer synthetic population, skewed and tie-heavy like real shop data, scored under both schemes. */
class GeneratedPopulationTest {

    private static final int CUSTOMERS = 100_000;
    private static final int NEVER_PAID = 5_000;

    private static List<RfmInput> population;

    @BeforeAll
    static void generate() {
        Random random = new Random(20111210);
        population = new ArrayList<>(CUSTOMERS + NEVER_PAID);
        for (int i = 0; i < CUSTOMERS; i++) {
            // engagement drives all three dimensions, as it does in real data: engaged customers buy recently, often, more
            double engagement = random.nextDouble();
            long seconds = (long) (-Math.log(1 - random.nextDouble()) * (20 + 400 * (1 - engagement)) * 86_400);
            int orders = 1 + (int) (-Math.log(1 - random.nextDouble()) * 6 * engagement * engagement);
            BigDecimal spend = BigDecimal.valueOf(orders * Math.exp(4 + random.nextGaussian()))
                    .setScale(2, RoundingMode.HALF_UP);
            population.add(new RfmInput("cust-" + i, AS_OF.minus(Duration.ofSeconds(seconds)), orders, spend));
        }
        for (int i = 0; i < NEVER_PAID; i++) {
            population.add(new RfmInput("prospect-" + i, null, 0, BigDecimal.ZERO));
        }
    }

    @Test
    void quintilesSplitEveryDimensionIntoFifthsDespiteTies() {
        RfmResult result = quintiles(population);

        assertThat(result.scored()).hasSize(CUSTOMERS);
        assertThat(result.unscored()).hasSize(NEVER_PAID);
        long singleOrder = result.scored().stream().filter(s -> s.values().frequency() == 1).count();
        assertThat(singleOrder).as("most customers tie on one order").isGreaterThan(CUSTOMERS / 3);
        for (ToIntFunction<RfmScores> dimension : List.<ToIntFunction<RfmScores>>of(RfmScores::recency,
                RfmScores::frequency, RfmScores::monetary)) {
            int[] perScore = new int[6];
            result.scored().forEach(s -> perScore[dimension.applyAsInt(s.scores())]++);
            for (int score = 1; score <= 5; score++) {
                assertThat(perScore[score] / (double) CUSTOMERS).isCloseTo(0.20, within(0.001));
            }
        }
    }

    @Test
    void higherQuintilesMeanBetterValues() {
        RfmResult result = quintiles(population);

        double[] recency = meanByScore(result, s -> s.scores().recency(), s -> s.values().recencyDays());
        double[] frequency = meanByScore(result, s -> s.scores().frequency(), s -> s.values().frequency());
        double[] monetary = meanByScore(result, s -> s.scores().monetary(), s -> s.values().monetary().doubleValue());
        for (int score = 2; score <= 5; score++) {
            assertThat(recency[score]).as("days at R%d", score).isLessThan(recency[score - 1]);
            assertThat(frequency[score]).as("orders at F%d", score).isGreaterThanOrEqualTo(frequency[score - 1]);
            assertThat(monetary[score]).as("spend at M%d", score).isGreaterThan(monetary[score - 1]);
        }
    }

    @Test
    void everySegmentIsPopulatedAndChampionsOutspendTheLost() {
        RfmResult result = quintiles(population);

        for (RfmSegment segment : RfmSegment.values()) {
            assertThat(result.distribution().count(segment)).as("%s", segment).isPositive();
        }
        assertThat(result.distribution().scored()).isEqualTo(CUSTOMERS);
        assertThat(meanSpend(result, RfmSegment.CHAMPIONS)).isGreaterThan(3 * meanSpend(result, RfmSegment.LOST));
        assertThat(result.distribution().share(RfmSegment.CHAMPIONS)).isBetween(0.05, 0.35);
    }

    @Test
    void thresholdClassesAreAllPopulatedAndConsistentWithTheirCuts() {
        RfmResult result = thresholds(population);
        AppliedLevelCuts cuts = result.levelCuts().orElseThrow();

        assertThat(result.distribution().counts().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(CUSTOMERS);
        for (RfmClass rfmClass : RfmClass.values()) {
            assertThat(result.distribution().count(rfmClass)).as("%s", rfmClass).isPositive();
        }
        assertThat(cuts.recency()).isBetween(1.0, 4.0);
        assertThat(cuts.frequency()).isBetween(1.0, 4.0);
        assertThat(cuts.monetary()).isBetween(1.0, 4.0);
        for (ScoredCustomer scored : result.scored()) {
            RfmClass rfmClass = (RfmClass) scored.group();
            assertThat(rfmClass.recency() == Level.HIGH).isEqualTo(scored.scores().recency() >= cuts.recency());
            assertThat(rfmClass.frequency() == Level.HIGH).isEqualTo(scored.scores().frequency() >= cuts.frequency());
            assertThat(rfmClass.monetary() == Level.HIGH).isEqualTo(scored.scores().monetary() >= cuts.monetary());
        }
        assertThat(result.distribution().count(RfmClass.IMPORTANT_VALUE))
                .isGreaterThan(result.distribution().count(RfmClass.IMPORTANT_WIN_BACK));
    }

    private static double[] meanByScore(RfmResult result, ToIntFunction<ScoredCustomer> score,
            ToDoubleFunction<ScoredCustomer> value) {
        double[] sum = new double[6];
        int[] count = new int[6];
        for (ScoredCustomer scored : result.scored()) {
            sum[score.applyAsInt(scored)] += value.applyAsDouble(scored);
            count[score.applyAsInt(scored)]++;
        }
        double[] mean = new double[6];
        for (int s = 1; s <= 5; s++) {
            mean[s] = sum[s] / count[s];
        }
        return mean;
    }

    private static double meanSpend(RfmResult result, RfmSegment segment) {
        return result.scored().stream().filter(s -> s.group() == segment)
                .mapToDouble(s -> s.values().monetary().doubleValue()).average().orElseThrow();
    }
}
