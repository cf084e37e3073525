package io.lodestar.recommendation.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.UserHistory;

class ImplicitAlsTrainerTest {

    private static final AlsParameters SMALL = AlsParameters.defaults().withRank(4).withIterations(15)
            .withComputeLoss(true);

    @Test
    void customersRankTheirOwnBlockAboveTheOtherBlock() {
        InteractionMatrix blocks = AlsTestData.twoBlocks();
        AlsModel model = ImplicitAlsTrainer.train(blocks, SMALL, AlsProgress.NONE);

        float[] users = model.userFactors();
        for (int customer = 0; customer < 8; customer++) {
            double[] scores = scores(model, users, customer);
            int own = customer < 4 ? 0 : 4;
            int other = 4 - own;
            for (int mine = own; mine < own + 4; mine++) {
                for (int theirs = other; theirs < other + 4; theirs++) {
                    assertThat(scores[mine]).as("customer %d: item %d over item %d", customer, mine, theirs)
                            .isGreaterThan(scores[theirs]);
                }
            }
        }
    }

    @Test
    void lossNeverIncreasesAndEqualsTheSumOverEveryCell() {
        InteractionMatrix matrix = AlsTestData.random(60, 40, 0.15, 3);
        for (int cgSteps : new int[] {0, 3}) {
            AlsParameters parameters = SMALL.withRank(6).withCgSteps(cgSteps);
            List<Double> losses = new ArrayList<>();
            AlsModel model = ImplicitAlsTrainer.train(matrix, parameters,
                    (iteration, loss, elapsed) -> losses.add(loss));

            assertThat(losses).hasSize(15);
            for (int k = 1; k < losses.size(); k++) {
                assertThat(losses.get(k)).as("cgSteps %d, iteration %d", cgSteps, k + 1)
                        .isLessThanOrEqualTo(losses.get(k - 1) * (1 + 1e-9));
            }
            assertThat(losses.get(0)).isGreaterThan(losses.get(14));
            double bruteForce = lossOverEveryCell(matrix, model, parameters);
            assertThat(losses.get(14)).isCloseTo(bruteForce, within(1e-9 * bruteForce));
        }
    }

    @Test
    void lossIsNaNWhenSwitchedOff() {
        List<Double> losses = new ArrayList<>();
        ImplicitAlsTrainer.train(AlsTestData.twoBlocks(), SMALL.withIterations(2).withComputeLoss(false),
                (iteration, loss, elapsed) -> losses.add(loss));

        assertThat(losses).hasSize(2).allMatch(loss -> loss.isNaN());
    }

    @Test
    void foldInOfATrainingRowReproducesItsTrainedFactor() {
        InteractionMatrix matrix = AlsTestData.random(50, 30, 0.2, 5);
        AlsModel exact = ImplicitAlsTrainer.train(matrix, SMALL.withCgSteps(0).withIterations(3), AlsProgress.NONE);
        AlsModel conjugate = ImplicitAlsTrainer.train(matrix, SMALL.withIterations(40), AlsProgress.NONE);

        for (int row = 0; row < matrix.customerCount(); row++) {
            UserHistory history = UserHistory.ofRow(matrix, row);
            // Cholesky in training and in fold-in: the very same numbers.
            assertThat(exact.foldIn(history)).containsExactly(row(exact.userFactors(), row, 4));
            // CG in training (3 warm-started steps per half-step) approaches the fold-in's exact solution.
            float[] trained = row(conjugate.userFactors(), row, 4);
            assertThat(distance(conjugate.foldIn(history), trained)).as("row %d", row)
                    .isLessThan(0.02 * norm(trained));
        }
    }

    @Test
    void theSameSeedGivesTheSameFactorsAndAnotherSeedOthers() {
        InteractionMatrix matrix = AlsTestData.random(40, 30, 0.2, 11);
        AlsModel first = ImplicitAlsTrainer.train(matrix, SMALL.withSeed(9), AlsProgress.NONE);
        AlsModel second = ImplicitAlsTrainer.train(matrix, SMALL.withSeed(9), AlsProgress.NONE);
        AlsModel other = ImplicitAlsTrainer.train(matrix, SMALL.withSeed(10), AlsProgress.NONE);

        assertThat(second.itemFactors()).containsExactly(first.itemFactors());
        assertThat(second.userFactors()).containsExactly(first.userFactors());
        assertThat(other.itemFactors()).isNotEqualTo(first.itemFactors());
    }

    @Test
    void oneAndFourThreadsGiveTheSameFactorsAndLosses() {
        // More customers and items than one chunk of rows, so four threads really share the work.
        InteractionMatrix matrix = AlsTestData.random(300, 200, 0.05, 13);
        AlsParameters parameters = SMALL.withRank(8).withIterations(4);
        List<Double> lossesOne = new ArrayList<>();
        List<Double> lossesFour = new ArrayList<>();
        AlsModel one = ImplicitAlsTrainer.train(matrix, parameters.withThreads(1),
                (iteration, loss, elapsed) -> lossesOne.add(loss));
        AlsModel four = ImplicitAlsTrainer.train(matrix, parameters.withThreads(4),
                (iteration, loss, elapsed) -> lossesFour.add(loss));

        assertThat(four.itemFactors()).containsExactly(one.itemFactors());
        assertThat(four.userFactors()).containsExactly(one.userFactors());
        assertThat(lossesFour).containsExactlyElementsOf(lossesOne);
    }

    @Test
    void reportsEveryIterationInOrderWithGrowingElapsedTime() {
        List<Integer> iterations = new ArrayList<>();
        List<Long> elapsed = new ArrayList<>();
        ImplicitAlsTrainer.train(AlsTestData.twoBlocks(), SMALL.withIterations(3), (iteration, loss, time) -> {
            iterations.add(iteration);
            elapsed.add(time.toNanos());
        });

        assertThat(iterations).containsExactly(1, 2, 3);
        assertThat(elapsed).isSorted();
    }

    @Test
    void customersAndItemsWithoutInteractionsGetFiniteFactors() {
        InteractionMatrix sparse = InteractionMatrix.builder(AlsTestData.ids("c", 3), AlsTestData.ids("i", 3))
                .add(0, 0, 2f).build();
        AlsModel model = ImplicitAlsTrainer.train(sparse, SMALL.withRank(2), AlsProgress.NONE);

        assertThat(model.userFactors()).hasSize(6);
        assertThat(model.itemFactors()).hasSize(6);
        for (float value : model.userFactors()) {
            assertThat(Float.isFinite(value)).isTrue();
        }
        for (float value : model.itemFactors()) {
            assertThat(Float.isFinite(value)).isTrue();
        }
    }

    private static double[] scores(AlsModel model, float[] users, int customer) {
        float[] items = model.itemFactors();
        int rank = model.rank();
        double[] scores = new double[model.itemCount()];
        for (int item = 0; item < scores.length; item++) {
            for (int k = 0; k < rank; k++) {
                scores[item] += (double) users[customer * rank + k] * items[item * rank + k];
            }
        }
        return scores;
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (double) (a[k] - b[k]);
        }
        return Math.sqrt(sum);
    }

    private static double norm(float[] a) {
        return distance(a, new float[a.length]);
    }

    private static float[] row(float[] factors, int row, int rank) {
        float[] out = new float[rank];
        System.arraycopy(factors, row * rank, out, 0, rank);
        return out;
    }

    /** The objective written out literally: every cell of the matrix, present or not. */
    private static double lossOverEveryCell(InteractionMatrix matrix, AlsModel model, AlsParameters parameters) {
        float[] users = model.userFactors();
        float[] items = model.itemFactors();
        int rank = parameters.rank();
        double loss = 0;
        for (int customer = 0; customer < matrix.customerCount(); customer++) {
            UserHistory history = UserHistory.ofRow(matrix, customer);
            double[] scores = scores(model, users, customer);
            int next = 0;
            for (int item = 0; item < matrix.itemCount(); item++) {
                double weight = 0;
                if (next < history.size() && history.items()[next] == item) {
                    weight = history.weights()[next++];
                }
                double preference = weight > 0 ? 1 : 0;
                double confidence = 1 + parameters.alpha() * Math.abs(weight);
                loss += confidence * (preference - scores[item]) * (preference - scores[item]);
            }
        }
        double norms = 0;
        for (float v : users) {
            norms += (double) v * v;
        }
        for (float v : items) {
            norms += (double) v * v;
        }
        return loss + parameters.regularization() * norms;
    }
}
