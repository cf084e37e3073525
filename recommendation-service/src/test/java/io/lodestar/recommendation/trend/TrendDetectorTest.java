package io.lodestar.recommendation.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrendDetectorTest {

    private final TrendDetector detector = new TrendDetector(TrendRule.DEFAULT);

    private static EventCounts views(long views) {
        return new EventCounts(views, 0, 0);
    }

    @Test
    void heatWeighsViewsCartsAndOrders() {
        assertThat(HeatWeights.DEFAULT.heat(new EventCounts(10, 2, 3))).isEqualTo(10 + 6 + 15.0);
        assertThat(new HeatWeights(0, 0, 1).heat(new EventCounts(10, 2, 3))).isEqualTo(3.0);
    }

    @Test
    void aRiseOfThirtyPercentOrMoreIsATrendAndLessIsNot() {
        Map<String, ItemHeat> heat = Map.of(
                "exactly-30", new ItemHeat(views(130), views(100)),
                "also-30", new ItemHeat(views(26), views(20)),
                "29", new ItemHeat(views(129), views(100)),
                "falling", new ItemHeat(views(50), views(100)));

        List<Trending> trending = detector.detect(heat);

        assertThat(trending).extracting(Trending::itemId).containsExactlyInAnyOrder("exactly-30", "also-30");
        assertThat(trending.get(0).growth()).isCloseTo(0.30, within(1e-12));
    }

    @Test
    void aRiseOfExactlyThirtyPercentSurvivesFloatingPointRounding() {
        // with 0.1 per view, 7.0 -> 9.1 computes as +29.999999999999993 %
        TrendDetector tenthOfAView = new TrendDetector(
                new TrendRule(0.30, 1, Duration.ofHours(24), new HeatWeights(0.1, 0.3, 0.5)));

        assertThat(tenthOfAView.detect(Map.of("item", new ItemHeat(views(91), views(70))))).hasSize(1);
        assertThat(tenthOfAView.detect(Map.of("item", new ItemHeat(views(90), views(70))))).isEmpty();
    }

    @Test
    void smallNumbersBelowTheMinimumHeatAreNotATrend() {
        Map<String, ItemHeat> heat = Map.of("one-to-two-views", new ItemHeat(views(2), views(1)),
                "one-order-to-four", new ItemHeat(new EventCounts(0, 0, 4), new EventCounts(0, 0, 1)));

        assertThat(detector.detect(heat)).extracting(Trending::itemId).containsExactly("one-order-to-four");
    }

    @Test
    void anItemWithoutPreviousHeatIsReportedAsNewWithGrowthOne() {
        List<Trending> trending = detector.detect(Map.of("launch", new ItemHeat(views(40), EventCounts.NONE),
                "quiet-launch", new ItemHeat(views(5), EventCounts.NONE),
                "nothing", new ItemHeat(EventCounts.NONE, EventCounts.NONE)));

        assertThat(trending).containsExactly(new Trending("launch", 40, 0, Trending.NEW_ITEM_GROWTH));
        assertThat(trending.get(0).isNew()).isTrue();
    }

    @Test
    void sortsByGrowthThenHeatThenItemId() {
        Map<String, ItemHeat> heat = Map.of(
                "double-small", new ItemHeat(views(40), views(20)),
                "double-big", new ItemHeat(views(400), views(200)),
                "triple", new ItemHeat(views(60), views(20)),
                "new", new ItemHeat(views(30), EventCounts.NONE),
                "b-half", new ItemHeat(views(30), views(20)),
                "a-half", new ItemHeat(views(30), views(20)));

        assertThat(detector.detect(heat)).extracting(Trending::itemId)
                .containsExactly("triple", "double-big", "double-small", "new", "a-half", "b-half");
    }

    @Test
    void itemsAlreadyReportedInTheWindowAreSuppressed() {
        Map<String, ItemHeat> heat = Map.of("hot", new ItemHeat(views(100), views(50)),
                "hotter", new ItemHeat(views(300), views(50)));

        assertThat(detector.detect(heat, Set.of("hotter"))).extracting(Trending::itemId).containsExactly("hot");
        assertThat(detector.detect(heat, Set.of("hot", "hotter"))).isEmpty();
    }

    @Test
    void aStricterRuleRaisesTheBar() {
        TrendDetector strict = new TrendDetector(new TrendRule(1.0, 100, Duration.ofHours(6), HeatWeights.DEFAULT));
        Map<String, ItemHeat> heat = Map.of("plus-50", new ItemHeat(views(150), views(100)),
                "plus-100", new ItemHeat(views(200), views(100)),
                "plus-100-small", new ItemHeat(views(80), views(40)));

        assertThat(strict.detect(heat)).extracting(Trending::itemId).containsExactly("plus-100");
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new EventCounts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeatWeights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeatWeights(-1, 3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendRule(0, 20, Duration.ofHours(1), HeatWeights.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendRule(0.3, 20, Duration.ZERO, HeatWeights.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
