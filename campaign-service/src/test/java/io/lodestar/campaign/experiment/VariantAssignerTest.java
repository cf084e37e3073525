package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VariantAssignerTest {

    private static final int CUSTOMERS = 100_000;
    private static final String SALT = "lodestar-holdout-v1";
    /** Groups of customer-0 .. customer-11 in "spring-sale" under the design of the pinning test. */
    private static final List<String> PINNED = List.of("holdout", "B", "B", "A", "B", "B", "B", "A", "B", "holdout",
            "control", "A");

    private final VariantAssigner assigner = new VariantAssigner();

    private static ExperimentDesign design(int control, int holdout, VariantWeight... variants) {
        return new ExperimentDesign(List.of(variants), control, holdout, SALT);
    }

    private Map<String, Integer> tally(String campaignId, ExperimentDesign design) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            counts.merge(assigner.assign(campaignId, "customer-" + i, design).group(), 1, Integer::sum);
        }
        return counts;
    }

    private static double share(Map<String, Integer> counts, String group, int of) {
        return counts.getOrDefault(group, 0) / (double) of;
    }

    @Test
    void sharesFollowTheWeightsWithinOnePercent() {
        ExperimentDesign design = design(20, 10, new VariantWeight("A", 50), new VariantWeight("B", 30),
                new VariantWeight("C", 20));
        Map<String, Integer> counts = tally("spring-sale", design);

        // Layered shares: holdout 10% of all, control 20% of the other 90% = 18%, variants split the last 72%.
        assertThat(share(counts, "holdout", CUSTOMERS)).isCloseTo(0.10, within(0.01));
        assertThat(share(counts, "control", CUSTOMERS)).isCloseTo(0.18, within(0.01));
        int treated = CUSTOMERS - counts.get("holdout") - counts.get("control");
        assertThat(share(counts, "A", treated)).isCloseTo(0.50, within(0.01));
        assertThat(share(counts, "B", treated)).isCloseTo(0.30, within(0.01));
        assertThat(share(counts, "C", treated)).isCloseTo(0.20, within(0.01));
        assertThat(counts.keySet()).containsExactlyInAnyOrder("holdout", "control", "A", "B", "C");
    }

    @Test
    void unevenTwoWaySplitWithoutHoldoutOrControl() {
        Map<String, Integer> counts = tally("welcome-push", design(0, 0, new VariantWeight("short", 90),
                new VariantWeight("long", 10)));
        assertThat(counts.keySet()).containsExactlyInAnyOrder("short", "long");
        assertThat(share(counts, "short", CUSTOMERS)).isCloseTo(0.90, within(0.01));
        assertThat(share(counts, "long", CUSTOMERS)).isCloseTo(0.10, within(0.01));
    }

    @Test
    void theSameCustomersAreHeldOutOfEveryCampaign() {
        ExperimentDesign spring = design(20, 10, new VariantWeight("A", 100));
        ExperimentDesign autumn = design(5, 10, new VariantWeight("X", 40), new VariantWeight("Y", 60));
        Set<String> heldOutOfSpring = new HashSet<>();
        Set<String> heldOutOfAutumn = new HashSet<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "customer-" + i;
            if (assigner.assign("spring-sale", customer, spring).isHoldout()) {
                heldOutOfSpring.add(customer);
            }
            if (assigner.assign("autumn-sale", customer, autumn).isHoldout()) {
                heldOutOfAutumn.add(customer);
            }
        }
        assertThat(heldOutOfSpring).isEqualTo(heldOutOfAutumn);
        assertThat(heldOutOfSpring.size() / (double) CUSTOMERS).isCloseTo(0.10, within(0.01));
    }

    @Test
    void anotherSaltDrawsAnotherHoldout() {
        ExperimentDesign first = design(0, 10, new VariantWeight("A", 100));
        ExperimentDesign second = new ExperimentDesign(first.variants(), 0, 10, "another-salt");
        int bothHeldOut = 0;
        int firstHeldOut = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "customer-" + i;
            boolean inFirst = assigner.assign("c", customer, first).isHoldout();
            firstHeldOut += inFirst ? 1 : 0;
            bothHeldOut += inFirst && assigner.assign("c", customer, second).isHoldout() ? 1 : 0;
        }
        // Independent 10% draws overlap on about 10% x 10% = 1% of customers, not on the whole 10%.
        assertThat(firstHeldOut / (double) CUSTOMERS).isCloseTo(0.10, within(0.01));
        assertThat(bothHeldOut / (double) CUSTOMERS).isCloseTo(0.01, within(0.003));
    }

    @Test
    void eachCampaignDrawsItsOwnControlGroup() {
        ExperimentDesign design = design(20, 0, new VariantWeight("A", 100));
        int bothControl = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "customer-" + i;
            if (assigner.assign("spring-sale", customer, design).isControl()
                    && assigner.assign("autumn-sale", customer, design).isControl()) {
                bothControl++;
            }
        }
        // 20% x 20% = 4% if the draws are independent; a shared hash would give 20%.
        assertThat(bothControl / (double) CUSTOMERS).isCloseTo(0.04, within(0.005));
    }

    @Test
    void theVariantSplitIsIndependentOfTheControlCut() {
        // If the variant reused the control bucket, every treated customer would have a bucket of 50 or more and so
        // land in B (A takes the buckets below 50): the treated split would be 0/100 instead of 50/50.
        Map<String, Integer> counts = tally("c", design(50, 0, new VariantWeight("A", 50), new VariantWeight("B", 50)));
        int treated = counts.get("A") + counts.get("B");
        assertThat(share(counts, "A", treated)).isCloseTo(0.50, within(0.01));
        assertThat(share(counts, "control", CUSTOMERS)).isCloseTo(0.50, within(0.01));
    }

    @Test
    void assignmentIsStableAcrossCallsAndInstances() {
        ExperimentDesign design = design(20, 10, new VariantWeight("A", 50), new VariantWeight("B", 50));
        VariantAssigner another = new VariantAssigner();
        for (int i = 0; i < 1_000; i++) {
            String customer = "customer-" + i;
            Assignment first = assigner.assign("spring-sale", customer, design);
            assertThat(assigner.assign("spring-sale", customer, design)).isEqualTo(first);
            assertThat(another.assign("spring-sale", customer, design)).isEqualTo(first);
        }
    }

    @Test
    void assignmentsArePinnedAcrossReleases() {
        // Golden values: if the hash or the key encoding ever changes, running experiments would reshuffle their
        // customers, so a change here must be deliberate.
        ExperimentDesign design = design(20, 10, new VariantWeight("A", 50), new VariantWeight("B", 50));
        assertThat(groupsOf("spring-sale", design, 12)).isEqualTo(PINNED);
    }

    private List<String> groupsOf(String campaignId, ExperimentDesign design, int customers) {
        return IntStream.range(0, customers)
                .mapToObj(i -> assigner.assign(campaignId, "customer-" + i, design).group())
                .toList();
    }

    @Test
    void raisingAPercentageOnlyAddsMembers() {
        ExperimentDesign five = design(5, 5, new VariantWeight("A", 100));
        ExperimentDesign ten = design(10, 10, new VariantWeight("A", 100));
        for (int i = 0; i < 10_000; i++) {
            String customer = "customer-" + i;
            Assignment before = assigner.assign("c", customer, five);
            Assignment after = assigner.assign("c", customer, ten);
            if (before.isHoldout()) {
                assertThat(after.isHoldout()).isTrue();
            }
            if (before.isControl()) {
                // Still unmessaged: either still control, or now inside the larger holdout.
                assertThat(after.receivesMessage()).isFalse();
            }
        }
    }

    @Test
    void onlyVariantMembersReceiveTheMessage() {
        assertThat(new Assignment("A").receivesMessage()).isTrue();
        assertThat(new Assignment("control").receivesMessage()).isFalse();
        assertThat(new Assignment("holdout").receivesMessage()).isFalse();
        assertThat(new Assignment("control").isControl()).isTrue();
        assertThat(new Assignment("holdout").isHoldout()).isTrue();
        assertThatThrownBy(() -> new Assignment(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidDesignIsRefusedWithItsViolations() {
        ExperimentDesign invalid = design(60, 0, new VariantWeight("A", 40));
        assertThatThrownBy(() -> assigner.assign("c", "u", invalid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variants weights must sum to 100 but sum to 40")
                .hasMessageContaining("controlPercent must be between 0 and 50 but was 60");
    }

    @Test
    void blankIdsAndAMissingDesignAreRefused() {
        ExperimentDesign design = design(10, 0, new VariantWeight("A", 100));
        assertThatThrownBy(() -> assigner.assign(" ", "u", design)).hasMessage("campaignId must not be blank");
        assertThatThrownBy(() -> assigner.assign("c", null, design)).hasMessage("customerId must not be blank");
        assertThatThrownBy(() -> assigner.assign("c", "u", null)).hasMessage("design must not be null");
    }
}
