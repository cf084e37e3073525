package io.lodestar.recommendation.evaluation;

import java.util.BitSet;
import java.util.List;

/**
 * Catalogue coverage: how much of the catalogue a model ever shows. A model can score well on accuracy by showing the
 * same bestsellers to everyone; coverage exposes that.
 */
public final class CatalogueCoverage {

    private CatalogueCoverage() {
    }

    /**
     * Distinct items among the first k of all lists ÷ catalogue size (0 for an empty catalogue).
     *
     * @param rankedLists   one list per user, item indices in {@code [0, catalogueSize)}
     * @param catalogueSize number of items a model could recommend (the training matrix's items)
     */
    public static double of(List<int[]> rankedLists, int k, int catalogueSize) {
        if (catalogueSize == 0) {
            return 0.0;
        }
        BitSet shown = new BitSet(catalogueSize);
        for (int[] ranked : rankedLists) {
            for (int i = 0; i < Math.min(k, ranked.length); i++) {
                shown.set(ranked[i]);
            }
        }
        return (double) shown.cardinality() / catalogueSize;
    }
}
