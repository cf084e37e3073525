package io.lodestar.segmentation.rfm;

/**
 * The High/Low cut of each dimension of the threshold scheme. Cuts apply to the 1–4 scores, not to the raw values, so
 * that for recency too High means "good" (recent).
 */
public record HighLowCuts(LevelCut recency, LevelCut frequency, LevelCut monetary) {

    /** Every dimension cut at its population mean, the Glossary's default. */
    public static final HighLowCuts BY_MEAN =
            new HighLowCuts(LevelCut.populationMean(), LevelCut.populationMean(), LevelCut.populationMean());

    private static final int LOWEST_SCORE = 1;
    private static final int HIGHEST_SCORE = 4;

    public HighLowCuts {
        requireUsable("highLow.recency", recency);
        requireUsable("highLow.frequency", frequency);
        requireUsable("highLow.monetary", monetary);
    }

    private static void requireUsable(String field, LevelCut cut) {
        if (cut == null) {
            throw new InvalidRfmModelException(field, "must be given");
        }
        if (cut instanceof LevelCut.AtLeast fixed) {
            double score = fixed.score();
            if (!Double.isFinite(score) || score <= LOWEST_SCORE || score > HIGHEST_SCORE) {
                throw new InvalidRfmModelException(field, "must be above " + LOWEST_SCORE + " and at most " + HIGHEST_SCORE
                        + " so that both High and Low can occur, was " + score);
            }
        }
    }
}
