package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Names from z-scores: vocabulary, grammar, thresholds, preferences and disambiguation. */
class ClusterNamerTest {

    private static final ClusterNamer NAMER = new ClusterNamer();
    private static final Feature RECENCY = Feature.of(FeatureKind.RECENCY_DAYS);
    private static final Feature FREQUENCY = Feature.of(FeatureKind.FREQUENCY);
    private static final Feature MONETARY = Feature.of(FeatureKind.MONETARY);
    private static final Feature VIEWS = Feature.of(FeatureKind.PRODUCT_VIEWS);
    private static final Feature FAVORITES = Feature.of(FeatureKind.FAVORITES);
    private static final Feature CART_ADDS = Feature.of(FeatureKind.CART_ADDS);
    private static final Feature ABANDONMENT = Feature.of(FeatureKind.CART_ABANDONMENT_RATE);
    private static final Feature DISCOUNT = Feature.of(FeatureKind.DISCOUNT_SHARE);
    private static final Feature BEAUTY = Feature.categoryShare("Beauty");
    private static final Feature GARDEN = Feature.categoryShare("Garden");
    private static final Feature APP = Feature.channelShare("App");
    private static final List<Feature> ALL = List.of(RECENCY, FREQUENCY, MONETARY, VIEWS, FAVORITES, CART_ADDS, ABANDONMENT,
            DISCOUNT, BEAUTY, GARDEN, APP);

    /** A cluster with the given z-scores (feature, z, feature, z, …), 0 on every other feature, and no preferences. */
    private static ClusterNamer.Traits cluster(Object... featureAndZ) {
        Map<Feature, Double> z = new LinkedHashMap<>();
        for (Feature feature : ALL) {
            z.put(feature, 0.0);
        }
        for (int i = 0; i < featureAndZ.length; i += 2) {
            z.put((Feature) featureAndZ[i], (Double) featureAndZ[i + 1]);
        }
        return new ClusterNamer.Traits(z, List.of(), List.of());
    }

    private static ClusterNamer.Traits prefers(ClusterNamer.Traits cluster, List<ShareEntry> categories,
            List<ShareEntry> channels) {
        return new ClusterNamer.Traits(cluster.zScores(), categories, channels);
    }

    private static String name(Object... featureAndZ) {
        return NAMER.baseName(cluster(featureAndZ));
    }

    private static String name(List<ShareEntry> categories, List<ShareEntry> channels, Object... featureAndZ) {
        return NAMER.baseName(prefers(cluster(featureAndZ), categories, channels));
    }

    @Test
    void recentHighSpendersWithAStrongCategory() {
        assertThat(name(List.of(new ShareEntry("Beauty", 0.6, 0.3)), List.of(), RECENCY, -1.2, MONETARY, 1.5))
                .isEqualTo("recent high spenders, beauty-heavy");
    }

    @Test
    void lapsedLowValueBargainHunters() {
        assertThat(name(RECENCY, 1.3, MONETARY, -0.8, DISCOUNT, 1.1)).isEqualTo("lapsed low-value bargain hunters");
    }

    @Test
    void adjectivesFollowAFixedOrderWhateverTheirStrength() {
        assertThat(name(FREQUENCY, 2.0, RECENCY, -0.6, MONETARY, 1.0)).isEqualTo("recent frequent high spenders");
        assertThat(name(FREQUENCY, -0.9, DISCOUNT, -1.4)).isEqualTo("occasional full-price customers");
    }

    @Test
    void theStrongestShopperTraitIsTheNounAndTheOthersBecomeAdjectives() {
        assertThat(name(DISCOUNT, 1.6, ABANDONMENT, 0.8)).isEqualTo("cart-abandoning bargain hunters");
        assertThat(name(DISCOUNT, 0.8, ABANDONMENT, 1.6)).isEqualTo("bargain-hunting cart abandoners");
        assertThat(name(VIEWS, 1.4, MONETARY, -0.7)).isEqualTo("low-value browsers");
        assertThat(name(FAVORITES, 0.9)).isEqualTo("wishlisters");
        assertThat(name(CART_ADDS, 0.9, MONETARY, 0.6)).isEqualTo("high-value cart fillers");
    }

    @Test
    void onlyTheThreeStrongestTraitsAreUsed() {
        assertThat(name(FREQUENCY, 1.9, MONETARY, 2.1, VIEWS, 1.7, DISCOUNT, 0.7, CART_ADDS, 1.2))
                .isEqualTo("frequent high-value browsers");
    }

    @Test
    void recencyIsAlwaysNamedWhenItStandsOut() {
        // Discount, monetary and views are all stronger than recency, but lapsed decides the campaign: win-back.
        assertThat(name(RECENCY, 1.45, FREQUENCY, -1.3, MONETARY, -1.56, VIEWS, -1.45, DISCOUNT, 1.57))
                .isEqualTo("lapsed low-value bargain hunters");
        assertThat(name(RECENCY, -0.6, FREQUENCY, 1.9, MONETARY, 2.1, VIEWS, 1.7)).isEqualTo("recent frequent high spenders");
    }

    @Test
    void weakTraitsAndTraitsWithoutWordsAreIgnored() {
        assertThat(name(RECENCY, -0.49, MONETARY, 0.3)).isEqualTo("typical customers");
        assertThat(name(RECENCY, -0.5)).isEqualTo("recent customers");
        // Few favourites and little abandonment have no word; they neither name the cluster nor take a trait slot.
        assertThat(name(FAVORITES, -2.0, ABANDONMENT, -1.8, CART_ADDS, -1.5, RECENCY, 0.7, VIEWS, -0.6, FREQUENCY, -0.5))
                .isEqualTo("lapsed occasional low-engagement customers");
    }

    @Test
    void aCategoryAndAChannelThatStandOutAreAdded() {
        assertThat(name(List.of(new ShareEntry("Garden", 0.5, 0.1), new ShareEntry("Beauty", 0.3, 0.1)),
                List.of(new ShareEntry("App", 0.7, 0.4)))).isEqualTo("typical customers, garden-heavy, app-first");
        assertThat(name(List.of(new ShareEntry("Home & Garden", 0.3, 0.0)), List.of(), MONETARY, 1.0))
                .as("only this cluster buys it").isEqualTo("high spenders, home & garden-heavy");
    }

    @Test
    void aPreferenceNeedsBothAShareAndALift() {
        assertThat(name(List.of(new ShareEntry("Beauty", 0.6, 0.5)), List.of(new ShareEntry("web", 0.9, 0.8)),
                MONETARY, 1.0)).as("common everywhere").isEqualTo("high spenders");
        assertThat(name(List.of(new ShareEntry("Toys", 0.2, 0.01)), List.of(), MONETARY, 1.0)).as("too small a part")
                .isEqualTo("high spenders");
        assertThat(name(List.of(new ShareEntry("Beauty", 0.4, 0.35), new ShareEntry("Toys", 0.3, 0.05)), List.of(),
                MONETARY, -1.0)).as("the largest standing out, not the largest overall")
                .isEqualTo("low spenders, toys-heavy");
        assertThat(name(List.of(new ShareEntry("Toys", 0.4, 0.1), new ShareEntry("Books", 0.4, 0.1)), List.of(),
                MONETARY, -1.0)).as("ties by name").isEqualTo("low spenders, books-heavy");
    }

    @Test
    void categoryAndChannelZScoresDoNotNameAlone() {
        assertThat(name(BEAUTY, 2.0, APP, 2.0, MONETARY, 1.0)).isEqualTo("high spenders");
    }

    @Test
    void namesakesAreQualifiedByWhereTheyDifferMost() {
        List<String> names = NAMER.names(List.of(
                cluster(RECENCY, -1.0, MONETARY, 1.2, FREQUENCY, 0.4),
                cluster(RECENCY, -1.1, MONETARY, 1.3, FREQUENCY, -0.3),
                cluster(RECENCY, 1.4, MONETARY, -0.8, DISCOUNT, 1.0)));

        assertThat(names).containsExactly("recent high spenders (more frequent)", "recent high spenders (less frequent)",
                "lapsed low-value bargain hunters");
    }

    @Test
    void namesakesCanBeQualifiedByAPreference() {
        List<String> names = NAMER.names(List.of(
                cluster(MONETARY, 1.2, GARDEN, 0.3),
                cluster(MONETARY, 1.2, GARDEN, -0.2)));

        assertThat(names).containsExactly("high spenders (more garden)", "high spenders (less garden)");
    }

    @Test
    void indistinguishableClustersAreNumberedLargestFirst() {
        List<String> names = NAMER.names(List.of(cluster(MONETARY, 1.0), cluster(MONETARY, 1.0),
                cluster(MONETARY, 1.0), cluster()));

        assertThat(names).containsExactly("high spenders", "high spenders 2", "high spenders 3", "typical customers");
    }

    @Test
    void numberingSkipsNamesAlreadyTaken() {
        assertThat(ClusterNamer.numbered(List.of("high spenders", "high spenders", "high spenders 2", "browsers")))
                .containsExactly("high spenders", "high spenders 3", "high spenders 2", "browsers");
    }

    @Test
    void namesAreAlwaysUniqueWithinARun() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            List<ClusterNamer.Traits> clusters = new ArrayList<>();
            int k = 2 + random.nextInt(12);
            for (int c = 0; c < k; c++) {
                Object[] pairs = new Object[ALL.size() * 2];
                for (int j = 0; j < ALL.size(); j++) {
                    pairs[2 * j] = ALL.get(j);
                    pairs[2 * j + 1] = random.nextInt(3) == 0 ? 0.0 : Math.round(random.nextGaussian() * 2) / 2.0;
                }
                clusters.add(cluster(pairs));
            }
            assertThat(NAMER.names(clusters)).as("round %d", round).doesNotHaveDuplicates().hasSize(k);
        }
    }

    @Test
    void comparativesReadBothWays() {
        assertThat(ClusterNamer.comparative(RECENCY, Direction.HIGH)).isEqualTo("less recent");
        assertThat(ClusterNamer.comparative(RECENCY, Direction.LOW)).isEqualTo("more recent");
        assertThat(ClusterNamer.comparative(APP, Direction.HIGH)).isEqualTo("more app");
        assertThat(ClusterNamer.comparative(FAVORITES, Direction.LOW)).isEqualTo("fewer favourites");
    }
}
