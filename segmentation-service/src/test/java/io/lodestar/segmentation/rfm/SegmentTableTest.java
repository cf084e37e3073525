package io.lodestar.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentTableTest {

    /** Putler's published (R, FM) ranges, https://www.putler.com/rfm-analysis/ ("≤ n" written as 1–n). */
    private static final Map<RfmSegment, int[]> PUBLISHED = new EnumMap<>(Map.ofEntries(
            Map.entry(RfmSegment.CHAMPIONS, new int[] {4, 5, 4, 5}),
            Map.entry(RfmSegment.LOYAL, new int[] {2, 5, 3, 5}),
            Map.entry(RfmSegment.POTENTIAL_LOYALIST, new int[] {3, 5, 1, 3}),
            Map.entry(RfmSegment.NEW, new int[] {4, 5, 1, 1}),
            Map.entry(RfmSegment.PROMISING, new int[] {3, 4, 1, 1}),
            Map.entry(RfmSegment.NEED_ATTENTION, new int[] {2, 3, 2, 3}),
            Map.entry(RfmSegment.ABOUT_TO_SLEEP, new int[] {2, 3, 1, 2}),
            Map.entry(RfmSegment.AT_RISK, new int[] {1, 2, 2, 5}),
            Map.entry(RfmSegment.CANT_LOSE_THEM, new int[] {1, 1, 4, 5}),
            Map.entry(RfmSegment.HIBERNATING, new int[] {1, 2, 1, 2}),
            Map.entry(RfmSegment.LOST, new int[] {1, 2, 1, 2})));

    @Test
    void everyCellHasExactlyOneSegmentInsideItsPublishedRange() {
        Set<RfmSegment> used = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                RfmSegment segment = SegmentTable.segmentOf(r, fm);
                int[] range = PUBLISHED.get(segment);
                assertThat(segment).as("R%d FM%d", r, fm).isNotNull();
                assertThat(r).as("R of %s at R%d FM%d", segment, r, fm).isBetween(range[0], range[1]);
                assertThat(fm).as("FM of %s at R%d FM%d", segment, r, fm).isBetween(range[2], range[3]);
                used.add(segment);
            }
        }
        assertThat(used).as("every segment is reachable").containsExactlyInAnyOrder(RfmSegment.values());
        assertThat(PUBLISHED).containsOnlyKeys(RfmSegment.values());
    }

    @Test
    void everyScoreTripleHasASegment() {
        int cells = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertThat(SegmentTable.segmentOf(RfmScores.of(r, f, m))).isNotNull();
                    cells++;
                }
            }
        }
        assertThat(cells).isEqualTo(125);
    }

    @ParameterizedTest(name = "F {0} M {1} → FM {2}")
    @CsvSource({"1, 1, 1", "1, 2, 2", "2, 1, 2", "2, 2, 2", "3, 4, 4", "4, 3, 4", "5, 4, 5", "1, 5, 3", "5, 5, 5"})
    void fmIsTheMeanRoundedHalfUp(int f, int m, int fm) {
        assertThat(SegmentTable.fmScore(f, m)).isEqualTo(fm);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "R5F5M5, CHAMPIONS", "R4F4M3, CHAMPIONS", "R5F1M1, NEW", "R4F1M1, PROMISING", "R5F2M3, POTENTIAL_LOYALIST",
        "R3F3M3, NEED_ATTENTION", "R3F5M4, LOYAL", "R3F1M2, ABOUT_TO_SLEEP", "R2F4M4, AT_RISK", "R1F3M2, AT_RISK",
        "R1F5M4, CANT_LOSE_THEM", "R2F2M1, HIBERNATING", "R1F1M1, LOST", "R1F2M2, LOST",
    })
    void typicalCustomers(String code, RfmSegment segment) {
        RfmScores scores = RfmScores.of(code.charAt(1) - '0', code.charAt(3) - '0', code.charAt(5) - '0');

        assertThat(scores.code()).isEqualTo(code);
        assertThat(SegmentTable.segmentOf(scores)).isEqualTo(segment);
    }

    @Test
    void scoresOutsideOneToFiveAreRejected() {
        assertThatThrownBy(() -> SegmentTable.segmentOf(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentTable.segmentOf(3, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmScores.of(6, 1, 1)).hasMessageContaining("recency");
    }
}
