package io.lodestar.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.InteractionMatrix;

class LongTailTest {

    /** Positive interactions per item: i0 5, i1 3, i2 1, i3 1, i4 none (only a refund). Total 10. */
    private static InteractionMatrix training() {
        List<String> customers = List.of("c0", "c1", "c2", "c3", "c4");
        InteractionMatrix.Builder builder = InteractionMatrix.builder(customers, List.of("i0", "i1", "i2", "i3", "i4"));
        for (int c = 0; c < 5; c++) {
            builder.add(c, 0, 1f);
        }
        builder.add(0, 1, 1f).add(1, 1, 2f).add(2, 1, 1f).add(3, 2, 1f).add(4, 3, 1f).add(4, 4, -1f);
        return builder.build();
    }

    @Test
    void theHeadIsTheSmallestTopSetHoldingEightyPercent() {
        LongTail longTail = LongTail.of(training());

        // i0 alone holds 5/10, i0 + i1 hold 8/10 = 80 %: the head; the rest is tail
        assertThat(longTail.isLongTail(0)).isFalse();
        assertThat(longTail.isLongTail(1)).isFalse();
        assertThat(longTail.isLongTail(2)).isTrue();
        assertThat(longTail.isLongTail(3)).isTrue();
        assertThat(longTail.isLongTail(4)).isTrue();
        assertThat(longTail.tailSize()).isEqualTo(3);
    }

    @Test
    void aSmallerHeadShareMovesItemsIntoTheTail() {
        LongTail longTail = LongTail.of(training(), 0.5);

        assertThat(longTail.isLongTail(0)).isFalse();
        assertThat(longTail.isLongTail(1)).isTrue();
    }

    @Test
    void shareCountsFilledSlotsWithinK() {
        LongTail longTail = LongTail.of(training());
        List<int[]> lists = List.of(new int[] {0, 2, 1}, new int[] {3, 1}, new int[0]);

        assertThat(longTail.share(lists, 2)).isCloseTo(2.0 / 4, within(1e-12));
        assertThat(longTail.share(lists, 3)).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(longTail.share(List.of(new int[0]), 3)).isZero();
    }

    @Test
    void coverageIsDistinctItemsShownOverCatalogueSize() {
        List<int[]> lists = List.of(new int[] {0, 2, 4}, new int[] {2, 0});

        assertThat(CatalogueCoverage.of(lists, 2, 5)).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(CatalogueCoverage.of(lists, 3, 5)).isCloseTo(3.0 / 5, within(1e-12));
        assertThat(CatalogueCoverage.of(List.of(), 3, 0)).isZero();
    }

    @Test
    void rejectsAHeadShareOutsideZeroToOne() {
        assertThatThrownBy(() -> LongTail.of(training(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LongTail.of(training(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
