package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Profile numbers on a population small enough to check by hand. */
class ClusterProfilerTest {

    private static ClusteringCustomer customer(String id, double recency, double monetary, Map<String, Double> categories,
            Map<String, Double> channels) {
        return new ClusteringCustomer(id, recency, 2, monetary, 10, 1, 1, 0.5, 0.2, categories, channels);
    }

    private static final List<ClusteringCustomer> CUSTOMERS = List.of(
            customer("a", 2, 100, Map.of("Beauty", 80.0, "Toys", 20.0), Map.of("app", 3.0)),
            customer("b", 4, 300, Map.of("Beauty", 30.0, "Toys", 30.0), Map.of("app", 1.0, "web", 1.0)),
            customer("c", 200, 50, Map.of("Garden", 50.0), Map.of("web", 4.0)),
            customer("d", 300, -20, Map.of(), Map.of()),
            customer("e", 3, 150, Map.of("Toys", 100.0), Map.of()));
    private static final int[] LABELS = {0, 0, 1, 1, 0};

    private static List<ClusterProfile> profiles(int top) {
        FeatureSpace space = FeatureSpace.fit(CUSTOMERS, 2, 2);
        Partition partition = Partition.of(space.scaleAll(CUSTOMERS), LABELS);
        return new ClusterProfiler().profile(CUSTOMERS, space, partition, top);
    }

    @Test
    void sizesSharesAndRevenueShares() {
        List<ClusterProfile> profiles = profiles(3);

        assertThat(profiles).extracting(ClusterProfile::size).containsExactly(3, 2);
        assertThat(profiles.get(0).share()).isCloseTo(0.6, within(1e-12));
        assertThat(profiles.get(0).revenueShare()).isCloseTo(550.0 / 580, within(1e-12));
        assertThat(profiles.get(1).revenueShare()).isCloseTo(30.0 / 580, within(1e-12));
        assertThat(profiles.stream().mapToDouble(ClusterProfile::share).sum()).isCloseTo(1, within(1e-12));
        assertThat(profiles.stream().mapToDouble(ClusterProfile::revenueShare).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void topCategoriesAndChannelsByShareWithinTheCluster() {
        List<ClusterProfile> profiles = profiles(3);

        assertThat(profiles.get(0).topCategories()).containsExactly(
                new ShareEntry("Toys", 150.0 / 260, 150.0 / 310), new ShareEntry("Beauty", 110.0 / 260, 110.0 / 310));
        assertThat(profiles.get(1).topCategories()).containsExactly(new ShareEntry("Garden", 1.0, 50.0 / 310));
        assertThat(profiles.get(0).topChannels()).containsExactly(new ShareEntry("app", 0.8, 4.0 / 9),
                new ShareEntry("web", 0.2, 5.0 / 9));
        assertThat(profiles(1).get(0).topCategories()).extracting(ShareEntry::key).containsExactly("Toys");
    }

    @Test
    void featureProfilesCarryZScoresCentroidsAndRawMeans() {
        FeatureSpace space = FeatureSpace.fit(CUSTOMERS, 2, 2);
        double[][] x = space.scaleAll(CUSTOMERS);
        ClusterProfile recentBuyers = profiles(3).get(0);

        FeatureProfile monetary = recentBuyers.features().get(space.indexOf(Feature.of(FeatureKind.MONETARY)));
        assertThat(monetary.feature()).isEqualTo("monetary");
        int j = space.indexOf(Feature.of(FeatureKind.MONETARY));
        assertThat(monetary.zScore()).isCloseTo((x[0][j] + x[1][j] + x[4][j]) / 3, within(1e-12));
        assertThat(monetary.clusterMean()).isCloseTo(550.0 / 3, within(1e-9));
        assertThat(monetary.populationMean()).isCloseTo(580.0 / 5, within(1e-9));
        double meanLog = (Math.log1p(100) + Math.log1p(300) + Math.log1p(150)) / 3;
        assertThat(monetary.centroid()).as("back-transformed mean of the logs").isCloseTo(Math.expm1(meanLog), within(1e-9));
        assertThat(recentBuyers.features()).hasSize(space.dimension());
    }

    @Test
    void distinguishingFeaturesAreTheLargestAbsoluteZScores() {
        ClusterProfile lapsed = profiles(3).get(1);

        assertThat(lapsed.distinguishing()).hasSize(3);
        double previous = Double.POSITIVE_INFINITY;
        for (DistinguishingFeature feature : lapsed.distinguishing()) {
            assertThat(Math.abs(feature.zScore())).isLessThanOrEqualTo(previous);
            assertThat(feature.direction()).isEqualTo(feature.zScore() > 0 ? Direction.HIGH : Direction.LOW);
            previous = Math.abs(feature.zScore());
        }
        double smallestListed = previous;
        assertThat(lapsed.features()).filteredOn(f -> lapsed.distinguishing().stream()
                .noneMatch(d -> d.feature().equals(f.feature())))
                .allSatisfy(f -> assertThat(Math.abs(f.zScore())).isLessThanOrEqualTo(smallestListed));
        assertThat(lapsed.features()).filteredOn(f -> f.feature().equals("recencyDays"))
                .singleElement().satisfies(f -> assertThat(f.zScore()).isPositive());
    }

    @Test
    void constantFeaturesAreNeverDistinguishing() {
        List<DistinguishingFeature> distinguishing = ClusterProfiler.distinguishing(
                List.of(Feature.of(FeatureKind.MONETARY), Feature.of(FeatureKind.FREQUENCY), Feature.of(FeatureKind.FAVORITES)),
                new double[] {0, -2, 1}, 3);

        assertThat(distinguishing).containsExactly(new DistinguishingFeature("frequency", -2, Direction.LOW),
                new DistinguishingFeature("favorites", 1, Direction.HIGH));
    }

    @Test
    void namesAreUniqueAndDescribeTheClusters() {
        List<ClusterProfile> profiles = profiles(3);

        assertThat(profiles).extracting(ClusterProfile::name).doesNotHaveDuplicates();
        assertThat(profiles.get(1).name()).startsWith("lapsed");
        assertThat(profiles.get(0).name()).startsWith("recent");
    }

    @Test
    void aPopulationWithoutPositiveRevenueHasZeroRevenueShares() {
        List<ClusteringCustomer> refunders = List.of(customer("a", 1, -10, Map.of(), Map.of()),
                customer("b", 9, 0, Map.of(), Map.of()));
        FeatureSpace space = FeatureSpace.fit(refunders, 0, 0);
        Partition partition = Partition.of(space.scaleAll(refunders), new int[] {0, 1});

        assertThat(new ClusterProfiler().profile(refunders, space, partition, 3))
                .allSatisfy(profile -> assertThat(profile.revenueShare()).isZero());
    }
}
