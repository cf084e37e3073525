package io.lodestar.recommendation.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import smile.association.ARM;
import smile.association.FPTree;

class AssociationRuleMinerTest {

    static final int BREAD = 0;
    static final int BUTTER = 1;
    static final int MILK = 2;
    static final int EGGS = 3;
    static final int JAM = 4;

    /**
     * Item counts: bread 6, butter 5, milk 4, eggs 3, jam 2. Pairs: bread+butter 4, bread+milk 3, butter+milk 3,
     * bread+eggs 2, bread+jam 2, and 1 each for butter+eggs, butter+jam, milk+jam, eggs+jam. Triples: bread+butter+milk
     * 2; 1 each for five others. bread+butter+milk+jam 1.
     */
    static int[][] baskets() {
        return new int[][] {
                { MILK, BREAD, BUTTER }, // deliberately unsorted: the miner must neither care nor reorder it
                { BREAD, BUTTER },
                { BREAD, BUTTER, EGGS },
                { BREAD, MILK },
                { BUTTER, MILK },
                { BREAD, BUTTER, MILK, JAM },
                { EGGS },
                { BREAD, EGGS, JAM } };
    }

    static final RuleParameters QUARTER = new RuleParameters(0.25, 0, 0, 3);

    @Test
    void supportConfidenceAndLiftMatchHandComputedValues() {
        List<AssociationRule> rules = AssociationRuleMiner.mine(baskets(), QUARTER);

        // jam → bread: 2 of 8 baskets; confidence 2/2; lift 1 / (6/8)
        assertRule(rules.get(0), new int[] { JAM }, new int[] { BREAD }, 0.25, 1.0, 4 / 3d, 2);
        // bread → jam: confidence 2/6; lift (1/3) / (2/8)
        assertRule(rules.get(1), new int[] { BREAD }, new int[] { JAM }, 0.25, 1 / 3d, 4 / 3d, 2);
        // milk → butter: 3 of 8; confidence 3/4; lift 0.75 / (5/8) = 1.2; then butter → milk: 3/5, 0.6 / (4/8)
        assertRule(rules.get(2), new int[] { MILK }, new int[] { BUTTER }, 0.375, 0.75, 1.2, 3);
        assertRule(rules.get(3), new int[] { BUTTER }, new int[] { MILK }, 0.375, 0.6, 1.2, 3);
        // bread + milk → butter: 2 of 8; confidence 2/3; lift (2/3) / (5/8)
        AssociationRule triple = find(rules, new int[] { BREAD, MILK }, new int[] { BUTTER });
        assertRule(triple, new int[] { BREAD, MILK }, new int[] { BUTTER }, 0.25, 2 / 3d, 16 / 15d, 2);
        // bread → butter + milk: confidence 2/6; lift (1/3) / (3/8)
        assertRule(find(rules, new int[] { BREAD }, new int[] { BUTTER, MILK }), new int[] { BREAD },
                new int[] { BUTTER, MILK }, 0.25, 1 / 3d, 8 / 9d, 2);
        // eggs → bread: 2/3 confidence, lift (2/3) / (6/8) < 1 — kept, since minLift is 0
        assertRule(find(rules, new int[] { EGGS }, new int[] { BREAD }), new int[] { EGGS }, new int[] { BREAD },
                0.25, 2 / 3d, 8 / 9d, 2);
    }

    @Test
    void ruleCountsAtTwoSupportLevels() {
        // 0.25 (≥ 2 baskets): 5 frequent pairs × 2 splits + bread+butter+milk × 6 splits
        assertThat(AssociationRuleMiner.mine(baskets(), QUARTER)).hasSize(16);
        // 0.375 (≥ 3 baskets): bread+butter, bread+milk, butter+milk
        assertThat(AssociationRuleMiner.mine(baskets(), new RuleParameters(0.375, 0, 0, 3))).hasSize(6);
        // 0.125 (every set that occurs): 9 pairs × 2 + 6 triples × 6
        assertThat(AssociationRuleMiner.mine(baskets(), new RuleParameters(0.125, 0, 0, 3))).hasSize(54);
    }

    @Test
    void maxLengthBoundsAntecedentPlusConsequent() {
        assertThat(AssociationRuleMiner.mine(baskets(), new RuleParameters(0.125, 0, 0, 2))).hasSize(18)
                .allSatisfy(rule -> assertThat(rule.length()).isEqualTo(2));
        // + the 14 splits of bread+butter+milk+jam
        assertThat(AssociationRuleMiner.mine(baskets(), new RuleParameters(0.125, 0, 0, 4))).hasSize(68);
    }

    @Test
    void appliesMinimumConfidenceAndLift() {
        assertThat(AssociationRuleMiner.mine(baskets(), new RuleParameters(0.25, 0.7, 0, 3)))
                .extracting(rule -> describe(rule.antecedent(), rule.consequent()))
                .containsExactly("[4]=>[0]", "[2]=>[1]", "[1]=>[0]", "[2]=>[0]");
        assertThat(AssociationRuleMiner.mine(baskets(), new RuleParameters(0.25, 0, 1.1, 3)))
                .extracting(rule -> describe(rule.antecedent(), rule.consequent()))
                .containsExactly("[4]=>[0]", "[0]=>[4]", "[2]=>[1]", "[1]=>[2]");
    }

    @Test
    void doesNotModifyTheCallersBaskets() {
        int[][] baskets = baskets();
        int[][] before = Arrays.stream(baskets).map(int[]::clone).toArray(int[][]::new);

        AssociationRuleMiner.mine(baskets, QUARTER);
        AssociationRuleMiner.frequentItemSets(baskets, 0.25, 3);

        assertThat(baskets).isDeepEqualTo(before);
    }

    @Test
    void keepsTheCallersItemIndicesForSparseCataloguesAndRepeatedItems() {
        // item indices far apart, beyond Smile's default bound of 65,536, and bought twice in a basket
        int[][] baskets = { { 70_000, 3, 70_000 }, { 3, 70_000 }, { 3 }, { 5 } };

        List<AssociationRule> rules = AssociationRuleMiner.mine(baskets, new RuleParameters(0.5, 0, 0, 2));

        assertThat(rules).extracting(rule -> describe(rule.antecedent(), rule.consequent()))
                .containsExactly("[70000]=>[3]", "[3]=>[70000]");
        assertThat(rules.get(0).basketCount()).isEqualTo(2);
        assertThat(rules.get(0).confidence()).isEqualTo(1.0);
        assertThat(rules.get(0).lift()).isCloseTo(1 / 0.75, within(1e-12));
    }

    @Test
    void frequentItemSetsCarryCountsAndFractions() {
        List<FrequentItemSet> sets = AssociationRuleMiner.frequentItemSets(baskets(), 0.25, 3);

        // 5 items, 5 pairs, 1 triple
        assertThat(sets).hasSize(11);
        assertThat(sets.get(0)).isEqualTo(new FrequentItemSet(new int[] { BREAD }, 6, 0.75));
        assertThat(sets).contains(new FrequentItemSet(new int[] { BREAD, BUTTER, MILK }, 2, 0.25));
        assertThat(AssociationRuleMiner.frequentItemSets(baskets(), 0.25, 1)).hasSize(5);
    }

    @Test
    void agreesWithSmilesOwnRuleGeneration() {
        Map<String, double[]> ours = AssociationRuleMiner.mine(baskets(), new RuleParameters(0.125, 0, 0, 16))
                .stream().collect(Collectors.toMap(rule -> describe(rule.antecedent(), rule.consequent()),
                        rule -> new double[] { rule.support(), rule.confidence(), rule.lift() }));

        Map<String, double[]> smiles = new HashMap<>();
        int[][] copies = Arrays.stream(baskets()).map(int[]::clone).toArray(int[][]::new);
        ARM.apply(0.0, FPTree.of(1, copies)).forEach(rule -> {
            int[] antecedent = rule.antecedent.clone();
            int[] consequent = rule.consequent.clone();
            Arrays.sort(antecedent);
            Arrays.sort(consequent);
            // Smile's support is a fraction of all transactions, like ours
            smiles.put(describe(antecedent, consequent), new double[] { rule.support, rule.confidence, rule.lift });
        });

        assertThat(ours.keySet()).isEqualTo(smiles.keySet()).hasSize(68);
        ours.forEach((rule, values) -> assertThat(values).containsExactly(smiles.get(rule), within(1e-12)));
    }

    @Test
    void handlesNoBasketsAndNoFrequentPairs() {
        assertThat(AssociationRuleMiner.mine(new int[0][], QUARTER)).isEmpty();
        assertThat(AssociationRuleMiner.mine(new int[][] { { 1 }, { 2 }, {} }, QUARTER)).isEmpty();
        assertThatThrownBy(() -> AssociationRuleMiner.mine(new int[][] { { -1, 2 } }, QUARTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersRejectInvalidValues() {
        assertThatThrownBy(() -> new RuleParameters(0, 0.5, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleParameters(1.5, 0.5, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleParameters(0.1, -0.1, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleParameters(0.1, 0.5, Double.NaN, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleParameters(0.1, 0.5, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleParameters(0.1, 0.5, 1, 17)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AssociationRule find(List<AssociationRule> rules, int[] antecedent, int[] consequent) {
        return rules.stream().filter(rule -> Arrays.equals(rule.antecedent(), antecedent)
                && Arrays.equals(rule.consequent(), consequent)).findFirst().orElseThrow();
    }

    private static void assertRule(AssociationRule rule, int[] antecedent, int[] consequent, double support,
            double confidence, double lift, int basketCount) {
        assertThat(rule.antecedent()).containsExactly(antecedent);
        assertThat(rule.consequent()).containsExactly(consequent);
        assertThat(rule.support()).isCloseTo(support, within(1e-12));
        assertThat(rule.confidence()).isCloseTo(confidence, within(1e-12));
        assertThat(rule.lift()).isCloseTo(lift, within(1e-12));
        assertThat(rule.basketCount()).isEqualTo(basketCount);
    }

    static String describe(int[] antecedent, int[] consequent) {
        return Arrays.toString(antecedent).replace(" ", "") + "=>" + Arrays.toString(consequent).replace(" ", "");
    }
}
