package io.lodestar.segmentation.rfm;

import java.math.BigDecimal;

/**
 * Monetary tiers of the threshold scheme: the more net spend in the window, the higher the score. Each bound is the
 * smallest spend of its score, compared by value whatever the scale, so with the defaults 1999.99 scores 2 and 2000 (or
 * 2000.00) scores 3. Amounts are in the currency the caller aggregated in; the scheme does not convert.
 *
 * @param score2MinSpend smallest net spend that scores 2 (default 1000); less, zero or negative spend scores 1
 * @param score3MinSpend smallest net spend that scores 3 (default 2000)
 * @param score4MinSpend smallest net spend that scores 4 (default 5000)
 */
public record MonetaryThresholds(BigDecimal score2MinSpend, BigDecimal score3MinSpend, BigDecimal score4MinSpend) {

    /** The Glossary's template: ≥5000 / 2000–4999 / 1000–1999 / <1000 → 4..1. */
    public static final MonetaryThresholds DEFAULT =
            new MonetaryThresholds(BigDecimal.valueOf(1000), BigDecimal.valueOf(2000), BigDecimal.valueOf(5000));

    public MonetaryThresholds {
        CutPoints.requirePositive("monetary.score2MinSpend", score2MinSpend);
        CutPoints.requirePositive("monetary.score3MinSpend", score3MinSpend);
        CutPoints.requirePositive("monetary.score4MinSpend", score4MinSpend);
        CutPoints.requireAbove("monetary.score3MinSpend", score3MinSpend, "monetary.score2MinSpend", score2MinSpend);
        CutPoints.requireAbove("monetary.score4MinSpend", score4MinSpend, "monetary.score3MinSpend", score3MinSpend);
    }

    /** The 1–4 score of a net spend. */
    public int score(BigDecimal netSpend) {
        if (netSpend.compareTo(score4MinSpend) >= 0) {
            return 4;
        }
        if (netSpend.compareTo(score3MinSpend) >= 0) {
            return 3;
        }
        return netSpend.compareTo(score2MinSpend) >= 0 ? 2 : 1;
    }
}
