package io.lodestar.segmentation.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RankAucTest {

    @Test
    void aPerfectRankingIsOne() {
        assertThat(RankAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void aReversedRankingIsZero() {
        assertThat(RankAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
    }

    @Test
    void constantScoresAreOneHalf() {
        assertThat(RankAuc.of(new double[] {0.4, 0.4, 0.4, 0.4, 0.4}, new int[] {1, 0, 0, 1, 0})).isEqualTo(0.5);
    }

    @Test
    void aSmallCaseWithATieCountsTheTieAsOneHalf() {
        // positives 0.8, 0.4; negatives 0.5, 0.1, 0.4: 0.8 beats 3, 0.4 beats 0.1 and ties 0.4 → (3 + 1 + ½) / 6
        double auc = RankAuc.of(new double[] {0.8, 0.4, 0.5, 0.1, 0.4}, new int[] {1, 1, 0, 0, 0});

        assertThat(auc).isEqualTo(0.75);
    }

    @Test
    void theMidRankFormulaGivesTheSameValue() {
        // ranks ascending: 0.1→1, 0.4,0.4→2.5 each, 0.5→4, 0.8→5; positives 0.8, 0.4: R₁ = 7.5; (7.5 − 3) / 6 = 0.75
        double[] scores = {0.1, 0.4, 0.4, 0.5, 0.8};
        int[] labels = {0, 1, 0, 0, 1};

        assertThat(RankAuc.of(scores, labels)).isEqualTo((7.5 - 2 * 3 / 2.0) / (2 * 3));
    }

    @Test
    void itAgreesWithCountingEveryPairOnScoresFullOfTies() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 2 + random.nextInt(300);
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(12) / 4.0; // few distinct values: many ties
                labels[i] = random.nextInt(3) == 0 ? 1 : 0;
            }
            labels[0] = 1;
            labels[1] = 0;

            assertThat(RankAuc.of(scores, labels)).isCloseTo(pairwise(scores, labels), within(1e-12));
        }
    }

    @Test
    void signedZerosAreTies() {
        assertThat(RankAuc.of(new double[] {0.0, -0.0}, new int[] {1, 0})).isEqualTo(0.5);
    }

    @Test
    void undefinedCasesAreRejected() {
        assertThatThrownBy(() -> RankAuc.of(new double[] {0.1, 0.2}, new int[] {1, 1}))
                .hasMessageContaining("needs positives and negatives").hasMessageContaining("0 negatives");
        assertThatThrownBy(() -> RankAuc.of(new double[] {0.1}, new int[] {1, 0})).hasMessageContaining("1 scores for 2");
        assertThatThrownBy(() -> RankAuc.of(new double[] {0.1, Double.NaN}, new int[] {1, 0}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> RankAuc.of(new double[] {0.1, 0.2}, new int[] {1, 2})).hasMessageContaining("0 or 1");
    }

    private static double pairwise(double[] scores, int[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
