package io.lodestar.segmentation.rfm;

/**
 * Where one dimension's 1–4 threshold score turns from Low to High. A score <em>equal</em> to the cut is High under both
 * kinds: "at least average" is the reading of "above the mean" that also keeps a population of identical customers, or a
 * single one, in the High classes instead of making everyone Low.
 */
public sealed interface LevelCut permits LevelCut.PopulationMean, LevelCut.AtLeast {

    /** High when the score is at least the mean of this dimension's scores over the scored population (the default). */
    static LevelCut populationMean() {
        return new PopulationMean();
    }

    /** High when the score is at least {@code score}, a fixed cut such as 3 or 2.5. */
    static LevelCut atLeast(double score) {
        return new AtLeast(score);
    }

    /**
     * The level of {@code score}, given the sum of this dimension's scores over the scored population and its size
     * ({@code populationSize ≥ 1}).
     */
    Level levelOf(int score, long populationScoreSum, int populationSize);

    /** The smallest score value that is High, for reporting (the mean itself for {@link PopulationMean}). */
    double highFrom(long populationScoreSum, int populationSize);

    /** The population mean of the dimension's score. */
    record PopulationMean() implements LevelCut {
        @Override
        public Level levelOf(int score, long populationScoreSum, int populationSize) {
            // score ≥ sum / n, compared exactly in integers: no rounding can move a score that equals the mean.
            return (long) score * populationSize >= populationScoreSum ? Level.HIGH : Level.LOW;
        }

        @Override
        public double highFrom(long populationScoreSum, int populationSize) {
            return (double) populationScoreSum / populationSize;
        }
    }

    /**
     * A configured cut; {@link HighLowCuts} checks it is finite, above 1 and at most 4, so that both levels can occur.
     *
     * @param score the smallest High score
     */
    record AtLeast(double score) implements LevelCut {
        @Override
        public Level levelOf(int value, long populationScoreSum, int populationSize) {
            return value >= score ? Level.HIGH : Level.LOW;
        }

        @Override
        public double highFrom(long populationScoreSum, int populationSize) {
            return score;
        }
    }
}
