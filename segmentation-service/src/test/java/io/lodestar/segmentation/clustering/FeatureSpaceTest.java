package io.lodestar.segmentation.clustering;

import static io.lodestar.segmentation.clustering.ClusteringFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Feature order, transforms, standardisation, zero variance and the way back to original units. */
class FeatureSpaceTest {

    private static final List<Feature> RFM = List.of(Feature.of(FeatureKind.RECENCY_DAYS), Feature.of(FeatureKind.FREQUENCY),
            Feature.of(FeatureKind.MONETARY), Feature.of(FeatureKind.DISCOUNT_SHARE));

    @Test
    void moneyAndCountsAreLog1pTransformedRatesAreNot() {
        assertThat(Feature.of(FeatureKind.MONETARY).transform()).isEqualTo(Transform.SIGNED_LOG1P);
        assertThat(Feature.of(FeatureKind.FREQUENCY).transform()).isEqualTo(Transform.SIGNED_LOG1P);
        assertThat(Feature.of(FeatureKind.CART_ABANDONMENT_RATE).transform()).isEqualTo(Transform.NONE);
        assertThat(Feature.categoryShare("Beauty").transform()).isEqualTo(Transform.NONE);
        assertThat(Transform.SIGNED_LOG1P.apply(Math.E - 1)).isCloseTo(1.0, within(1e-12));
        assertThat(Transform.SIGNED_LOG1P.apply(-(Math.E - 1))).isCloseTo(-1.0, within(1e-12));
        assertThat(Transform.SIGNED_LOG1P.apply(0)).isZero();
    }

    @Test
    void standardisesTheTransformedValuesWithTheirPopulationMeanAndStd() {
        // monetary e−1 and e³−1 have logs 1 and 3: mean 2, population std 1.
        List<ClusteringCustomer> customers = List.of(
                new ClusteringCustomer("a", 0, 0, Math.E - 1, 0, 0, 0, 0.2, 0.1, Map.of(), Map.of()),
                new ClusteringCustomer("b", 0, 0, Math.exp(3) - 1, 0, 0, 0, 0.4, 0.3, Map.of(), Map.of()));
        FeatureSpace space = FeatureSpace.fit(List.of(Feature.of(FeatureKind.MONETARY),
                Feature.of(FeatureKind.CART_ABANDONMENT_RATE)), customers);

        assertThat(space.means().get(0)).isCloseTo(2.0, within(1e-12));
        assertThat(space.stds().get(0)).isCloseTo(1.0, within(1e-12));
        assertThat(space.means().get(1)).isCloseTo(0.3, within(1e-12));
        assertThat(space.stds().get(1)).isCloseTo(0.1, within(1e-12));
        assertThat(space.scale(customers.get(0))).containsExactly(new double[] {-1, -1}, within(1e-9));
        assertThat(space.scale(customers.get(1))).containsExactly(new double[] {1, 1}, within(1e-9));
    }

    @Test
    void scaledColumnsHaveMeanZeroAndStdOne() {
        List<ClusteringCustomer> customers = ClusteringFixtures.sixGroups(10, 3);
        FeatureSpace space = FeatureSpace.fit(customers, 3, 2);
        double[][] x = space.scaleAll(customers);

        int constant = space.indexOf(Feature.categoryShare("Other")); // every fixture customer spends 20 % there
        assertThat(space.stds().get(constant)).isZero();
        for (int j = 0; j < space.dimension(); j++) {
            if (j == constant) {
                for (double[] row : x) {
                    assertThat(row[j]).isZero();
                }
                continue;
            }
            double sum = 0;
            double squares = 0;
            for (double[] row : x) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            assertThat(sum / x.length).as(space.features().get(j).name()).isCloseTo(0, within(1e-9));
            assertThat(Math.sqrt(squares / x.length)).as(space.features().get(j).name()).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void scalingThenInvertingGivesTheRawValuesBack() {
        List<ClusteringCustomer> customers = ClusteringFixtures.sixGroups(5, 11);
        FeatureSpace space = FeatureSpace.fit(customers, 4, 3);
        Random random = new Random(5);

        for (ClusteringCustomer customer : customers) {
            assertThat(space.toOriginalUnits(space.scale(customer))).containsExactly(space.rawValues(customer),
                    within(1e-6));
        }
        ClusteringCustomer unseen = ClusteringFixtures.member(2, "new", random);
        assertThat(space.toOriginalUnits(space.scale(unseen))).containsExactly(space.rawValues(unseen), within(1e-6));
    }

    @Test
    void aNegativeNetSpendSurvivesTheRoundTrip() {
        List<ClusteringCustomer> customers = List.of(customer("a", 5, 1, -40), customer("b", 9, 2, 120),
                customer("c", 1, 0, 0));
        FeatureSpace space = FeatureSpace.fit(RFM, customers);

        for (ClusteringCustomer customer : customers) {
            assertThat(space.toOriginalUnits(space.scale(customer))).containsExactly(space.rawValues(customer),
                    within(1e-9));
        }
    }

    @Test
    void aConstantColumnScalesToZeroForEveryoneAndMapsBackToItsValue() {
        List<ClusteringCustomer> customers = List.of(customer("a", 5, 1, 40), customer("b", 9, 2, 120),
                customer("c", 1, 4, 10));
        FeatureSpace space = FeatureSpace.fit(RFM, customers); // discountShare is 0.2 for all

        int discount = space.indexOf(Feature.of(FeatureKind.DISCOUNT_SHARE));
        assertThat(space.stds().get(discount)).isZero();
        assertThat(space.means().get(discount)).isCloseTo(0.2, within(1e-12));
        for (ClusteringCustomer customer : customers) {
            assertThat(space.scale(customer)[discount]).isZero();
        }
        ClusteringCustomer different = new ClusteringCustomer("d", 5, 1, 40, 0, 0, 0, 0, 0.9, Map.of(), Map.of());
        assertThat(space.scale(different)[discount]).as("no information, no pull").isZero();
        assertThat(space.toOriginalUnits(new double[] {0.3, -0.2, 1.1, 0})[discount]).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aConstantColumnWithRoundingNoiseIsStillConstant() {
        List<ClusteringCustomer> customers = List.of(
                new ClusteringCustomer("a", 1, 1, 1, 0, 0, 0, 0.1, 0.1, Map.of(), Map.of()),
                new ClusteringCustomer("b", 2, 2, 2, 0, 0, 0, 0.1, 0.1, Map.of(), Map.of()),
                new ClusteringCustomer("c", 3, 3, 3, 0, 0, 0, 0.1, 0.1, Map.of(), Map.of()));
        FeatureSpace space = FeatureSpace.fit(List.of(Feature.of(FeatureKind.CART_ABANDONMENT_RATE)), customers);

        assertThat(space.stds().get(0)).isZero();
    }

    @Test
    void theStandardSpaceListsBehaviourFeaturesThenTopCategoriesAndChannels() {
        List<ClusteringCustomer> customers = List.of(
                new ClusteringCustomer("a", 1, 1, 100, 0, 0, 0, 0, 0, Map.of("Toys", 50.0, "Beauty", 30.0, "Books", 30.0),
                        Map.of("app", 3.0, "web", 1.0)),
                new ClusteringCustomer("b", 1, 1, 100, 0, 0, 0, 0, 0, Map.of("Garden", 10.0, "Unsold", 0.0),
                        Map.of("web", 1.0)));
        FeatureSpace space = FeatureSpace.fit(customers, 3, 5);

        assertThat(space.features()).extracting(Feature::name).containsExactly("recencyDays", "frequency", "monetary",
                "productViews", "favorites", "cartAdds", "cartAbandonmentRate", "discountShare",
                // mean shares: Garden (0 + 1) / 2, Toys 50/110 / 2, Beauty = Books 30/110 / 2 (tie by name)
                "categoryShare:Garden", "categoryShare:Toys", "categoryShare:Beauty",
                // web (1/4 + 1) / 2 before app 3/4 / 2, although app has more interactions in total
                "channelShare:web", "channelShare:app");
        assertThat(space.rawValues(customers.get(0))[9]).isCloseTo(50.0 / 110, within(1e-12));
        assertThat(space.rawValues(customers.get(1))[9]).as("no Toys spend").isZero();
        assertThat(space.rawValues(customers.get(1))[11]).as("all interactions on web").isEqualTo(1.0);
    }

    @Test
    void aCustomerWithoutCategoriesOrChannelsHasZeroShares() {
        ClusteringCustomer none = customer("n", 1, 1, 1);

        assertThat(Feature.categoryShare("Toys").rawValue(none)).isZero();
        assertThat(Feature.channelShare("app").rawValue(none)).isZero();
    }

    @Test
    void featureNamesParseBack() {
        for (Feature feature : List.of(Feature.of(FeatureKind.MONETARY), Feature.categoryShare("Home: Kitchen"),
                Feature.channelShare("app"))) {
            assertThat(Feature.parse(feature.name())).isEqualTo(feature);
        }
        assertThatThrownBy(() -> Feature.parse("shoeSize")).hasMessageContaining("unknown feature kind shoeSize");
        assertThatThrownBy(() -> new Feature(FeatureKind.CATEGORY_SHARE, " ")).hasMessageContaining("needs a category");
        assertThatThrownBy(() -> new Feature(FeatureKind.MONETARY, "x")).hasMessageContaining("takes no key");
    }

    @Test
    void aStoredSpaceIsCheckedWhenRebuilt() {
        List<Feature> two = List.of(Feature.of(FeatureKind.MONETARY), Feature.of(FeatureKind.FREQUENCY));

        assertThatThrownBy(() -> new FeatureSpace(two, List.of(1.0), List.of(1.0, 1.0)))
                .hasMessageContaining("one mean and one std per feature");
        assertThatThrownBy(() -> new FeatureSpace(two, List.of(1.0, 1.0), List.of(1.0, -1.0)))
                .hasMessageContaining("std of frequency");
        assertThatThrownBy(() -> new FeatureSpace(List.of(two.get(0), two.get(0)), List.of(1.0, 1.0), List.of(1.0, 1.0)))
                .hasMessageContaining("monetary appears more than once");
        assertThatThrownBy(() -> FeatureSpace.fit(two, List.of())).hasMessageContaining("at least one customer");
        FeatureSpace space = new FeatureSpace(two, List.of(1.0, 1.0), List.of(1.0, 1.0));
        assertThatThrownBy(() -> space.scaleRaw(new double[3])).hasMessageContaining("has 3 values, the space has 2");
    }
}
