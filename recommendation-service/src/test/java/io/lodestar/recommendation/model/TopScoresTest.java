package io.lodestar.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;


class TopScoresTest {

    @Test
    void keepsTheSameItemsAsAFullSort() {
        SplittableRandom random = new SplittableRandom(7);
        double[] scores = random.doubles(1_000, -1, 1).toArray();
        TopScores top = new TopScores(25);
        for (int item = 0; item < scores.length; item++) {
            top.offer(item, scores[item]);
        }

        List<Integer> expected = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer item) -> -scores[item])).limit(25).toList();
        assertThat(top.drainBestFirst(ScoredItem.NO_ANCHOR)).extracting(ScoredItem::item)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void dropsNonPositiveScoresAndBreaksTiesByLowerItem() {
        TopScores top = new TopScores(3);
        top.offer(5, 0.0);
        top.offer(9, 2.0);
        top.offer(1, -3.0);
        top.offer(4, 2.0);
        top.offer(2, Double.NaN);

        assertThat(top.drainBestFirst(11)).containsExactly(new ScoredItem(4, 2.0, 11), new ScoredItem(9, 2.0, 11));
    }
}
