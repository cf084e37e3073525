package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Whole runs on small synthetic populations: choice of k, determinism, the size floor, the model, progress, inputs. */
class CustomerClusteringTest {

    private static final CustomerClustering CLUSTERING = new CustomerClustering();
    private static final ClusteringOptions OPTIONS = ClusteringOptions.defaults().withRestarts(4);
    private static final List<ClusteringCustomer> SIX_GROUPS = ClusteringFixtures.sixGroups(40, 1);

    private static Map<String, Integer> truth(List<ClusteringCustomer> customers) {
        Map<String, Integer> truth = new HashMap<>();
        for (ClusteringCustomer customer : customers) {
            truth.put(customer.customerId(), ClusteringFixtures.groupOf(customer.customerId()));
        }
        return truth;
    }

    @Test
    void sixWellSeparatedGroupsGiveKSixAndAreRecoveredExactly() {
        ClusteringResult result = CLUSTERING.cluster(SIX_GROUPS, OPTIONS);

        assertThat(result.chosenK()).isEqualTo(6);
        assertThat(result.clusterCount()).isEqualTo(6);
        assertThat(result.merges()).isEmpty();
        assertThat(result.candidates()).extracting(KCandidate::k).containsExactly(5, 6, 7, 8);
        KCandidate best = result.candidates().stream().max(Comparator.comparingDouble(KCandidate::silhouette)).orElseThrow();
        assertThat(best.k()).isEqualTo(6);
        assertThat(result.quality().silhouette()).isCloseTo(best.silhouette(), within(1e-12));
        assertThat(ClusteringStability.compare(truth(SIX_GROUPS), result.labels()).adjustedRandIndex()).isEqualTo(1.0);
        assertThat(result.quality().silhouetteSampleSize()).isEqualTo(240);
        assertThat(result.quality().daviesBouldin()).isPositive().isLessThan(1);
        assertThat(result.quality().inertia()).isCloseTo(best.inertia(), within(1e-9));
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        ClusteringOptions options = OPTIONS.withSilhouetteSampleSize(100);

        ClusteringResult first = CLUSTERING.cluster(SIX_GROUPS, options);
        ClusteringResult second = CLUSTERING.cluster(SIX_GROUPS, options);

        assertThat(second).isEqualTo(first);
        assertThat(first.quality().silhouetteSampleSize()).isEqualTo(100);
    }

    @Test
    void aRunOnASubsetAgreesWithTheFullRunOnTheCommonCustomers() {
        List<ClusteringCustomer> subset = new ArrayList<>();
        for (int i = 0; i < SIX_GROUPS.size(); i += 2) {
            subset.add(SIX_GROUPS.get(i));
        }

        StabilityReport report = ClusteringStability.compare(CLUSTERING.cluster(SIX_GROUPS, OPTIONS).labels(),
                CLUSTERING.cluster(subset, OPTIONS.withSeed(7)).labels());

        assertThat(report.commonCustomers()).isEqualTo(120);
        assertThat(report.adjustedRandIndex()).isEqualTo(1.0);
    }

    @Test
    void aTinyGroupFallsBelowTheFloorAndIsMerged() {
        List<ClusteringCustomer> customers = ClusteringFixtures.groups(new int[] {60, 60, 60, 60, 60, 3}, 2);

        ClusteringResult result = CLUSTERING.cluster(customers, OPTIONS.withFixedK(6).withMinClusterShare(0.02));

        assertThat(result.chosenK()).isEqualTo(6);
        assertThat(result.merges()).singleElement().satisfies(merge -> assertThat(merge.customers()).isEqualTo(3));
        assertThat(result.clusterCount()).isEqualTo(5);
        assertThat(result.profiles()).allSatisfy(profile -> assertThat(profile.share()).isGreaterThanOrEqualTo(0.02));
        assertThat(result.labels().values()).containsOnly(0, 1, 2, 3, 4);
        assertThat(result.profiles()).extracting(ClusterProfile::clusterId).containsExactly(0, 1, 2, 3, 4);
        assertThat(result.profiles()).extracting(ClusterProfile::size).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void profilesAddUpAndNamesAreUnique() {
        ClusteringResult result = CLUSTERING.cluster(SIX_GROUPS, OPTIONS);

        assertThat(result.profiles()).hasSize(6);
        assertThat(result.profiles().stream().mapToInt(ClusterProfile::size).sum()).isEqualTo(240);
        assertThat(result.profiles().stream().mapToDouble(ClusterProfile::share).sum()).isCloseTo(1, within(1e-12));
        assertThat(result.profiles().stream().mapToDouble(ClusterProfile::revenueShare).sum()).isCloseTo(1, within(1e-12));
        assertThat(result.profiles()).extracting(ClusterProfile::name).doesNotHaveDuplicates();
        assertThat(result.profiles()).allSatisfy(profile -> {
            assertThat(profile.distinguishing()).hasSize(3);
            assertThat(profile.topCategories()).isNotEmpty();
            assertThat(profile.features()).hasSize(result.featureSpace().dimension());
        });
        // Archetype 0 (recent, frequent, big spend, Beauty, app) is found and described as such.
        int big = result.labels().get("g0-0");
        ClusterProfile bigSpenders = result.profiles().get(big);
        assertThat(bigSpenders.name()).contains("high").contains("beauty-heavy");
        assertThat(bigSpenders.revenueShare()).isGreaterThan(0.5);
        assertThat(bigSpenders.topCategories().get(0).key()).isEqualTo("Beauty");
        assertThat(bigSpenders.topChannels().get(0).key()).isEqualTo("app");
    }

    @Test
    void centroidsInOriginalUnitsAreTypicalMemberValues() {
        ClusteringResult result = CLUSTERING.cluster(SIX_GROUPS, OPTIONS);
        FeatureSpace space = result.featureSpace();
        int cluster = result.labels().get("g1-0"); // archetype 1: 300 days, 1 order, spend 20

        List<Double> centroid = result.centroidsOriginal().get(cluster);
        assertThat(centroid.get(space.indexOf(Feature.of(FeatureKind.RECENCY_DAYS)))).isCloseTo(300, within(20.0));
        assertThat(centroid.get(space.indexOf(Feature.of(FeatureKind.MONETARY)))).isCloseTo(20, within(2.0));
        assertThat(centroid.get(space.indexOf(Feature.of(FeatureKind.DISCOUNT_SHARE)))).isCloseTo(0.8, within(0.02));
        assertThat(result.centroidsOriginal()).isEqualTo(result.model().centroidsInOriginalUnits());
        assertThat(result.profiles().get(cluster).name()).startsWith("lapsed").endsWith("garden-heavy, web-first");
    }

    @Test
    void newCustomersAreAssignedToTheirGroupsClusterFromStoredNumbersAlone() {
        ClusteringResult result = CLUSTERING.cluster(SIX_GROUPS, OPTIONS);
        FeatureSpace stored = result.featureSpace();
        ClusterModel reloaded = new ClusterModel(
                new FeatureSpace(stored.features().stream().map(Feature::name).map(Feature::parse).toList(),
                        new ArrayList<>(stored.means()), new ArrayList<>(stored.stds())),
                new ArrayList<>(result.model().centroids()));
        Random random = new Random(99);

        for (int group = 0; group < 6; group++) {
            ClusteringCustomer newcomer = ClusteringFixtures.member(group, "new-" + group, random);
            int expected = result.labels().get("g" + group + "-0");
            assertThat(result.model().assign(newcomer)).isEqualTo(expected);
            assertThat(reloaded.assign(newcomer)).isEqualTo(expected);
        }
        for (ClusteringCustomer customer : SIX_GROUPS) {
            assertThat(reloaded.assign(customer)).isEqualTo(result.labels().get(customer.customerId()));
        }
    }

    @Test
    void progressRunsThroughThePhasesUpTo100() {
        List<ClusteringPhase> phases = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();

        CLUSTERING.cluster(SIX_GROUPS, OPTIONS.withKRange(5, 6), (phase, percent) -> {
            phases.add(phase);
            percents.add(percent);
        });

        assertThat(percents).isSorted().first().isEqualTo(0);
        assertThat(percents).last().isEqualTo(100);
        assertThat(percents).filteredOn(p -> p == 100).hasSize(1);
        assertThat(phases).first().isEqualTo(ClusteringPhase.SCALING);
        assertThat(phases).last().isEqualTo(ClusteringPhase.DONE);
        List<ClusteringPhase> distinct = new ArrayList<>();
        for (ClusteringPhase phase : phases) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1) != phase) {
                distinct.add(phase);
            }
        }
        assertThat(distinct).containsExactly(ClusteringPhase.SCALING, ClusteringPhase.FITTING, ClusteringPhase.SILHOUETTE,
                ClusteringPhase.FITTING, ClusteringPhase.SILHOUETTE, ClusteringPhase.MERGING, ClusteringPhase.QUALITY,
                ClusteringPhase.PROFILING, ClusteringPhase.DONE);
        assertThat(phases).filteredOn(p -> p == ClusteringPhase.FITTING).hasSize(2 * (1 + 4)); // start + each restart
    }

    @Test
    void aThrowingProgressCallbackAbortsTheRun() {
        assertThatThrownBy(() -> CLUSTERING.cluster(SIX_GROUPS, OPTIONS, (phase, percent) -> {
            if (phase == ClusteringPhase.SILHOUETTE) {
                throw new IllegalStateException("cancelled");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("cancelled");
    }

    @Test
    void kAboveTheNumberOfCustomersIsNotTried() {
        List<ClusteringCustomer> three = List.of(ClusteringFixtures.customer("a", 1, 1, 10),
                ClusteringFixtures.customer("b", 50, 3, 100), ClusteringFixtures.customer("c", 200, 9, 1000));

        ClusteringResult result = CLUSTERING.cluster(three, OPTIONS.withKRange(2, 8).withMinClusterShare(0));

        assertThat(result.candidates()).extracting(KCandidate::k).containsExactly(2, 3);
        assertThat(result.labels()).containsOnlyKeys("a", "b", "c");
    }

    @Test
    void identicalCustomersGiveOneClusterAsADocumentedDegenerateResult() {
        List<ClusteringCustomer> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(ClusteringFixtures.customer("c" + i, 5, 2, 50));
        }

        ClusteringResult result = CLUSTERING.cluster(same, OPTIONS.withKRange(2, 3));

        assertThat(result.candidates()).allSatisfy(candidate -> assertThat(candidate.clusters()).isEqualTo(1));
        assertThat(result.clusterCount()).isEqualTo(1);
        assertThat(result.quality().silhouette()).isZero();
        assertThat(result.quality().daviesBouldin()).isZero();
        assertThat(result.profiles().get(0).name()).isEqualTo("typical customers");
    }

    @Test
    void unusableInputIsRejectedClearly() {
        ClusteringCustomer a = ClusteringFixtures.customer("a", 1, 1, 1);
        ClusteringCustomer b = ClusteringFixtures.customer("b", 2, 2, 2);
        List<ClusteringCustomer> withNull = new ArrayList<>();
        withNull.add(a);
        withNull.add(null);

        assertThatThrownBy(() -> CLUSTERING.cluster(List.of(), OPTIONS)).hasMessage("no customers to cluster");
        assertThatThrownBy(() -> CLUSTERING.cluster(List.of(a, b, a), OPTIONS.withKRange(2, 2)))
                .hasMessageContaining("customerId a appears more than once");
        assertThatThrownBy(() -> CLUSTERING.cluster(withNull, OPTIONS)).hasMessage("customers[1] must not be null");
        assertThatThrownBy(() -> CLUSTERING.cluster(List.of(a, b), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot form 5 clusters (minK) from 2 customers; lower minK or cluster more customers");
    }
}
