package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.byId;
import static io.lodestar.segmentation.rfm.RfmFixtures.customer;
import static io.lodestar.segmentation.rfm.RfmFixtures.only;
import static io.lodestar.segmentation.rfm.RfmFixtures.thresholds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** High/Low against the population mean or a configured cut, and the 8 classes that follow. */
class HighLowCutTest {

    // Days, orders and spend giving the default-threshold scores 4, 3, 2 and 1.
    private static final long[] DAYS_FOR_SCORE = {0, 365, 120, 60, 10};
    private static final int[] ORDERS_FOR_SCORE = {0, 1, 3, 7, 12};
    private static final String[] SPEND_FOR_SCORE = {"", "500", "1500", "3000", "8000"};

    @Test
    void aScoreEqualToTheMeanIsHigh() {
        // recency scores 4, 3, 2: mean exactly 3
        RfmResult result = thresholds(List.of(scored("recent", 4, 1, 1), scored("middle", 3, 1, 1),
                scored("old", 2, 1, 1)));

        assertThat(result.levelCuts()).hasValueSatisfying(cuts -> assertThat(cuts.recency()).isEqualTo(3.0));
        assertThat(((RfmClass) byId(result, "recent").group()).recency()).isEqualTo(Level.HIGH);
        assertThat(((RfmClass) byId(result, "middle").group()).recency()).isEqualTo(Level.HIGH);
        assertThat(((RfmClass) byId(result, "old").group()).recency()).isEqualTo(Level.LOW);
    }

    @Test
    void theMeanIsComparedExactlyNotInFloatingPoint() {
        // F scores 1, 1, 2 → mean 4/3; M scores 3, 3, 3 → mean 3: everyone's M equals the mean and is High
        RfmResult result = thresholds(List.of(scored("a", 4, 1, 3), scored("b", 4, 1, 3), scored("c", 4, 2, 3)));

        assertThat(byId(result, "a").code()).isEqualTo("HLH");
        assertThat(byId(result, "c").code()).isEqualTo("HHH");
        assertThat(result.levelCuts().orElseThrow().frequency()).isEqualTo(4.0 / 3);
    }

    @Test
    void justBelowTheMeanIsLow() {
        // M scores 4, 4, 4, 3 → mean 3.75
        RfmResult result = thresholds(List.of(scored("a", 4, 4, 4), scored("b", 4, 4, 4), scored("c", 4, 4, 4),
                scored("d", 4, 4, 3)));

        assertThat(byId(result, "d").code()).isEqualTo("HHL");
        assertThat(byId(result, "a").code()).isEqualTo("HHH");
    }

    @Test
    void aLoneCustomerOrIdenticalCustomersAreAllHigh() {
        assertThat(only(thresholds(List.of(scored("only", 1, 1, 1)))).group()).isEqualTo(RfmClass.IMPORTANT_VALUE);
        assertThat(thresholds(List.of(scored("a", 2, 2, 2), scored("b", 2, 2, 2))).distribution()
                .count(RfmClass.IMPORTANT_VALUE)).isEqualTo(2);
    }

    @Test
    void everyOneOfTheEightClassesIsReachable() {
        List<RfmInput> inputs = new ArrayList<>();
        for (int r : new int[] {1, 4}) {
            for (int f : new int[] {1, 4}) {
                for (int m : new int[] {1, 4}) {
                    inputs.add(scored("c" + r + f + m, r, f, m));
                }
            }
        }

        RfmResult result = thresholds(inputs); // each mean is 2.5: 4 is High, 1 is Low

        Set<RfmClass> seen = EnumSet.noneOf(RfmClass.class);
        result.scored().forEach(s -> seen.add((RfmClass) s.group()));
        assertThat(seen).containsExactlyInAnyOrder(RfmClass.values());
        assertThat(byId(result, "c414").group()).isEqualTo(RfmClass.IMPORTANT_DEVELOP);
        assertThat(byId(result, "c414").code()).isEqualTo("HLH");
        assertThat(byId(result, "c111").group()).isEqualTo(RfmClass.GENERAL_WIN_BACK);
        assertThat(byId(result, "c144").group()).isEqualTo(RfmClass.IMPORTANT_RETAIN);
        assertThat(result.distribution().counts().values()).containsOnly(1);
    }

    @Test
    void configuredCutsApplyPerDimensionAndEqualIsHigh() {
        HighLowCuts cuts = new HighLowCuts(LevelCut.atLeast(3), LevelCut.atLeast(2.5), LevelCut.populationMean());
        // M scores 4 and 2 → mean 3
        RfmResult result = thresholds(cuts, List.of(scored("a", 3, 2, 4), scored("b", 2, 3, 2)));

        assertThat(byId(result, "a").code()).isEqualTo("HLH");
        assertThat(byId(result, "b").code()).isEqualTo("LHL");
        assertThat(result.levelCuts()).contains(new AppliedLevelCuts(3, 2.5, 3));
    }

    @Test
    void aConfiguredCutIgnoresThePopulation() {
        HighLowCuts cuts = new HighLowCuts(LevelCut.atLeast(4), LevelCut.atLeast(4), LevelCut.atLeast(4));
        RfmResult result = thresholds(cuts, List.of(scored("a", 3, 3, 3), scored("b", 3, 3, 3)));

        assertThat(result.distribution().count(RfmClass.GENERAL_WIN_BACK)).isEqualTo(2);
    }

    /** A customer with the given default-threshold scores. */
    private static RfmInput scored(String id, int r, int f, int m) {
        return customer(id, DAYS_FOR_SCORE[r], ORDERS_FOR_SCORE[f], SPEND_FOR_SCORE[m]);
    }
}
