package io.lodestar.segmentation.rfm;

/**
 * Recency tiers of the threshold scheme: the fewer days since the last paid order, the higher the score. Each bound is
 * inclusive, so with the defaults 30 days scores 4 and 31 days scores 3.
 *
 * @param score4MaxDays most days that still score 4 (default 30)
 * @param score3MaxDays most days that still score 3 (default 90)
 * @param score2MaxDays most days that still score 2 (default 180); more days score 1
 */
public record RecencyThresholds(long score4MaxDays, long score3MaxDays, long score2MaxDays) {

    /** The Glossary's template: ≤30 / 31–90 / 91–180 / >180 days → 4..1. */
    public static final RecencyThresholds DEFAULT = new RecencyThresholds(30, 90, 180);

    public RecencyThresholds {
        CutPoints.requirePositive("recency.score4MaxDays", score4MaxDays);
        CutPoints.requireAbove("recency.score3MaxDays", score3MaxDays, "recency.score4MaxDays", score4MaxDays);
        CutPoints.requireAbove("recency.score2MaxDays", score2MaxDays, "recency.score3MaxDays", score3MaxDays);
    }

    /** The 1–4 score of a recency in whole days. */
    public int score(long recencyDays) {
        if (recencyDays <= score4MaxDays) {
            return 4;
        }
        if (recencyDays <= score3MaxDays) {
            return 3;
        }
        return recencyDays <= score2MaxDays ? 2 : 1;
    }
}
