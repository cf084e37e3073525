package io.lodestar.segmentation.rfm;

/**
 * Frequency tiers of the threshold scheme: the more paid orders in the window, the higher the score. Each bound is the
 * smallest order count of its score, so with the defaults 4 orders score 2 and 5 orders score 3.
 *
 * @param score2MinOrders fewest paid orders that score 2 (default 2); fewer score 1
 * @param score3MinOrders fewest paid orders that score 3 (default 5)
 * @param score4MinOrders fewest paid orders that score 4 (default 10)
 */
public record FrequencyThresholds(int score2MinOrders, int score3MinOrders, int score4MinOrders) {

    /** The Glossary's template: ≥10 / 5–9 / 2–4 / 1 orders → 4..1. */
    public static final FrequencyThresholds DEFAULT = new FrequencyThresholds(2, 5, 10);

    public FrequencyThresholds {
        CutPoints.requirePositive("frequency.score2MinOrders", score2MinOrders);
        CutPoints.requireAbove("frequency.score3MinOrders", score3MinOrders, "frequency.score2MinOrders", score2MinOrders);
        CutPoints.requireAbove("frequency.score4MinOrders", score4MinOrders, "frequency.score3MinOrders", score3MinOrders);
    }

    /** The 1–4 score of a paid-order count. */
    public int score(int paidOrders) {
        if (paidOrders >= score4MinOrders) {
            return 4;
        }
        if (paidOrders >= score3MinOrders) {
            return 3;
        }
        return paidOrders >= score2MinOrders ? 2 : 1;
    }
}
