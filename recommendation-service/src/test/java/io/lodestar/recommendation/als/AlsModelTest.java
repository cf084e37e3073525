package io.lodestar.recommendation.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class AlsModelTest {

    /** Three items of rank 2: y0 = (1, 0), y1 = (0, 1), y2 = (1, 1). */
    private static final float[] THREE_ITEMS = {1f, 0f, 0f, 1f, 1f, 1f};

    private static final AlsModel BLOCKS = ImplicitAlsTrainer.train(AlsTestData.twoBlocks(),
            AlsParameters.defaults().withRank(2), AlsProgress.NONE);

    @Test
    void foldInIsTheClosedFormSolutionOfTheNormalEquations() {
        // λ 0.5, alpha 2; item 0 bought (c 3, p 1), item 2 refunded (c 3, p 0), item 1 missing (c 1, p 0).
        AlsModel model = AlsModel.restore(2, THREE_ITEMS, 0.5, 2.0);
        UserHistory history = new UserHistory(new int[] {0, 2}, new float[] {1f, -1f});

        float[] x = model.foldIn(history);

        // By hand: A = YᵀY + λI + 2·y0y0ᵀ + 2·y2y2ᵀ = [[6.5, 3], [3, 4.5]], b = 3·y0 = (3, 0), x = A⁻¹b = (2/3, −4/9).
        assertThat(x[0]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(x[1]).isCloseTo(-4f / 9, within(1e-6f));
        double[] cramer = solveByCramer(THREE_ITEMS, new int[] {0, 2}, new float[] {1f, -1f}, 0.5, 2.0);
        assertThat(x[0]).isCloseTo((float) cramer[0], within(1e-6f));
        assertThat(x[1]).isCloseTo((float) cramer[1], within(1e-6f));
    }

    @Test
    void conjugateGradientReachesTheClosedFormInRankSteps() {
        double[] gram = RowFactorSolver.regularizedGram(THREE_ITEMS, 3, 2, 0.5);
        float[] x = new float[2];
        int[] items = {0, 1};
        float[] weights = {2f, 1f};

        // In exact arithmetic CG solves an f × f system in f steps; from zero, as a first half-step would.
        new RowFactorSolver(2, 2.0).solveByConjugateGradient(THREE_ITEMS, gram, items, weights, 0, 2, x, 0, 2);

        double[] cramer = solveByCramer(THREE_ITEMS, items, weights, 0.5, 2.0);
        assertThat(x[0]).isCloseTo((float) cramer[0], within(1e-6f));
        assertThat(x[1]).isCloseTo((float) cramer[1], within(1e-6f));
    }

    @Test
    void aNewCustomerIsRecommendedTheRestOfTheirBlock() {
        List<ScoredItem> top = BLOCKS.recommend(new UserHistory(new int[] {5}, new float[] {1f}), 4);

        assertThat(top).extracting(ScoredItem::item).hasSize(4).containsOnly(4, 5, 6, 7);
        assertThat(top).allMatch(item -> item.because() == ScoredItem.NO_ANCHOR && item.score() > 0);
        assertThat(top).extracting(ScoredItem::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aNegativeWeightPushesTheItemDown() {
        UserHistory liked = new UserHistory(new int[] {0, 1}, new float[] {1f, 1f});
        UserHistory likedButRefused = new UserHistory(new int[] {0, 1, 2}, new float[] {1f, 1f, -1f});

        double neutral = score(BLOCKS, BLOCKS.foldIn(liked), 2);
        double refused = score(BLOCKS, BLOCKS.foldIn(likedButRefused), 2);

        // A refusal is a confident 0, so it lowers the item's score below what not knowing about it gives.
        assertThat(refused).isLessThan(0.9 * neutral);
    }

    @Test
    void similarItemsAreTheItemsOfTheSameBlock() {
        List<ScoredItem> similar = BLOCKS.similarItems(1, 3);

        assertThat(similar).extracting(ScoredItem::item).containsExactlyInAnyOrder(0, 2, 3);
        assertThat(similar).allMatch(item -> item.because() == 1 && item.score() <= 1.0 + 1e-9);
    }

    @Test
    void restoredFromItsNumbersItRecommendsTheSame() {
        AlsModel restored = AlsModel.restore(BLOCKS.rank(), BLOCKS.itemFactors(), BLOCKS.regularization(),
                BLOCKS.alpha());
        UserHistory history = new UserHistory(new int[] {0, 6}, new float[] {2f, 1f});

        assertThat(restored).isEqualTo(BLOCKS);
        assertThat(restored.name()).isEqualTo("als");
        assertThat(restored.recommend(history, 5)).isEqualTo(BLOCKS.recommend(history, 5));
        assertThat(restored.userFactors()).isEmpty();
        assertThat(BLOCKS.userFactors()).hasSize(8 * 2);
    }

    @Test
    void restoreAndRequestsRejectWhatDoesNotFit() {
        assertThatThrownBy(() -> AlsModel.restore(4, new float[6], 0.1, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of rank");
        assertThatThrownBy(() -> AlsModel.restore(0, new float[6], 0.1, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rank");
        assertThatThrownBy(() -> AlsModel.restore(2, new float[] {1f, Float.NaN}, 0.1, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> BLOCKS.foldIn(new UserHistory(new int[] {8}, new float[] {1f})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> BLOCKS.recommend(UserHistory.EMPTY, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyHistoryGetsNothingAndTheStoredArraysAreCopies() {
        assertThat(BLOCKS.recommend(UserHistory.EMPTY, 5)).isEmpty();
        assertThat(BLOCKS.foldIn(UserHistory.EMPTY)).containsOnly(0f);

        float[] factors = BLOCKS.itemFactors();
        factors[0] = 1e6f;
        assertThat(BLOCKS.itemFactors()[0]).isNotEqualTo(1e6f);
    }

    private static double score(AlsModel model, float[] vector, int item) {
        float[] items = model.itemFactors();
        double score = 0;
        for (int k = 0; k < model.rank(); k++) {
            score += (double) vector[k] * items[item * model.rank() + k];
        }
        return score;
    }

    /** The rank-2 normal equations built entry by entry and solved by Cramer's rule, independent of the solver. */
    private static double[] solveByCramer(float[] y, int[] items, float[] weights, double lambda, double alpha) {
        double a00 = lambda;
        double a01 = 0;
        double a11 = lambda;
        double b0 = 0;
        double b1 = 0;
        for (int item = 0; item < y.length / 2; item++) {
            double confidence = 1;
            double preference = 0;
            for (int k = 0; k < items.length; k++) {
                if (items[k] == item) {
                    confidence = 1 + alpha * Math.abs(weights[k]);
                    preference = weights[k] > 0 ? 1 : 0;
                }
            }
            double u = y[2 * item];
            double v = y[2 * item + 1];
            a00 += confidence * u * u;
            a01 += confidence * u * v;
            a11 += confidence * v * v;
            b0 += confidence * preference * u;
            b1 += confidence * preference * v;
        }
        double determinant = a00 * a11 - a01 * a01;
        return new double[] {(b0 * a11 - a01 * b1) / determinant, (a00 * b1 - a01 * b0) / determinant};
    }
}
