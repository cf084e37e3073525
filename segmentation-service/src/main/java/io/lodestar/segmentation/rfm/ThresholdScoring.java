package io.lodestar.segmentation.rfm;

import java.util.List;
import java.util.Optional;

/**
 * Scores a population under the {@link ThresholdScheme}: 1–4 per dimension from the thresholds, High/Low per dimension
 * from the cuts (the means need the whole population, hence two passes), then the class. O(n) after the population is
 * built.
 */
final class ThresholdScoring {

    private ThresholdScoring() {
    }

    static RfmResult score(ScoringPopulation population, ThresholdScheme scheme) {
        int size = population.size();
        RfmScores[] scores = new RfmScores[size];
        long recencySum = 0;
        long frequencySum = 0;
        long monetarySum = 0;
        for (int k = 0; k < size; k++) {
            RfmValues values = population.values(k);
            RfmScores s = RfmScores.of(scheme.recency().score(values.recencyDays()),
                    scheme.frequency().score(values.frequency()), scheme.monetary().score(values.monetary()));
            scores[k] = s;
            recencySum += s.recency();
            frequencySum += s.frequency();
            monetarySum += s.monetary();
        }

        HighLowCuts cuts = scheme.highLow();
        RfmClass[] classes = RfmClass.values();
        int[] perClass = new int[classes.length];
        ScoredCustomer[] scored = new ScoredCustomer[size];
        for (int k = 0; k < size; k++) {
            RfmScores s = scores[k];
            RfmClass rfmClass = RfmClass.of(cuts.recency().levelOf(s.recency(), recencySum, size),
                    cuts.frequency().levelOf(s.frequency(), frequencySum, size),
                    cuts.monetary().levelOf(s.monetary(), monetarySum, size));
            perClass[rfmClass.ordinal()]++;
            scored[k] = new ScoredCustomer(population.customerId(k), population.values(k), s, rfmClass, rfmClass.code());
        }

        Optional<AppliedLevelCuts> applied = size == 0 ? Optional.empty()
                : Optional.of(new AppliedLevelCuts(cuts.recency().highFrom(recencySum, size),
                        cuts.frequency().highFrom(frequencySum, size), cuts.monetary().highFrom(monetarySum, size)));
        return new RfmResult(List.of(scored), population.unscored(), RfmDistribution.of(classes, perClass), applied);
    }
}
