package io.lodestar.recommendation.association;

import static io.lodestar.recommendation.association.AssociationRuleMinerTest.BREAD;
import static io.lodestar.recommendation.association.AssociationRuleMinerTest.BUTTER;
import static io.lodestar.recommendation.association.AssociationRuleMinerTest.EGGS;
import static io.lodestar.recommendation.association.AssociationRuleMinerTest.JAM;
import static io.lodestar.recommendation.association.AssociationRuleMinerTest.MILK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class BoughtTogetherTest {

    private final BoughtTogether model = BoughtTogether
            .of(AssociationRuleMiner.mine(AssociationRuleMinerTest.baskets(), AssociationRuleMinerTest.QUARTER));

    @Test
    void keepsOnlySingleItemConsequents() {
        // 10 pair rules + bread+butter → milk, bread+milk → butter, butter+milk → bread
        assertThat(model.ruleCount()).isEqualTo(13);
        assertThat(model.name()).isEqualTo("association");
    }

    @Test
    void boughtWithListsTheItemsOwnRulesByConfidenceTimesLift() {
        List<ScoredItem> withBread = model.boughtWith(BREAD, 10);

        // butter (2/3)·(16/15), milk (1/2)·1, jam (1/3)·(4/3), eggs (1/3)·(8/9)
        assertThat(withBread).extracting(ScoredItem::item).containsExactly(BUTTER, MILK, JAM, EGGS);
        assertThat(withBread).extracting(ScoredItem::because).containsOnly(BREAD);
        assertThat(withBread.get(0).score()).isCloseTo(2 / 3d * 16 / 15d, within(1e-12));
        assertThat(model.boughtWith(BREAD, 2)).hasSize(2);
        assertThat(model.boughtWith(99, 5)).isEmpty();
    }

    @Test
    void recommendTakesTheStrongestFiringRulePerItem() {
        List<ScoredItem> result = model.recommend(new UserHistory(new int[] { BREAD, MILK }, new float[] { 1, 3 }),
                10);

        // butter: milk → butter 0.75·1.2 = 0.9 beats bread → butter and bread+milk → butter (0.711 each)
        // bread: milk → bread 0.75·1; milk: bread → milk 0.5; jam: bread → jam 0.444; eggs: bread → eggs 0.296
        assertThat(result).extracting(ScoredItem::item).containsExactly(BUTTER, BREAD, MILK, JAM, EGGS);
        assertThat(result.get(0).score()).isCloseTo(0.9, within(1e-12));
        assertThat(result).extracting(ScoredItem::because).containsExactly(MILK, MILK, BREAD, BREAD, BREAD);
        assertThat(model.recommend(new UserHistory(new int[] { BREAD, MILK }, new float[] { 1, 3 }), 2)).hasSize(2);
    }

    @Test
    void aRuleFiresOnlyWithItsWholeAntecedentAndIsExplainedByTheHeaviestItem() {
        BoughtTogether pairOnly = BoughtTogether.of(List.of(
                new AssociationRule(new int[] { BREAD, MILK }, new int[] { BUTTER }, 0.25, 2 / 3d, 16 / 15d, 2),
                new AssociationRule(new int[] { BREAD }, new int[] { BUTTER, MILK }, 0.25, 1 / 3d, 8 / 9d, 2)));

        assertThat(pairOnly.ruleCount()).isEqualTo(1);
        assertThat(pairOnly.recommend(new UserHistory(new int[] { BREAD }, new float[] { 1 }), 5)).isEmpty();
        assertThat(pairOnly.recommend(new UserHistory(new int[] { BREAD, MILK }, new float[] { 1, 3 }), 5))
                .containsExactly(new ScoredItem(BUTTER, 2 / 3d * 16 / 15d, MILK));
        assertThat(pairOnly.recommend(new UserHistory(new int[] { BREAD, MILK }, new float[] { 5, 3 }), 5))
                .extracting(ScoredItem::because).containsExactly(BREAD);
    }

    @Test
    void rejectedItemsNeitherTriggerNorAreProposed() {
        // butter "not interested" and jam refunded: neither is proposed, and jam → bread does not fire
        List<ScoredItem> result = model.recommend(
                new UserHistory(new int[] { BREAD, BUTTER, JAM }, new float[] { 1, -1, -1 }), 10);

        assertThat(result).extracting(ScoredItem::item).containsExactly(MILK, EGGS);
        assertThat(model.recommend(new UserHistory(new int[] { JAM }, new float[] { -1 }), 10)).isEmpty();
        assertThat(model.recommend(UserHistory.EMPTY, 10)).isEmpty();
    }

    @Test
    void restoresFromItsNumbers() {
        BoughtTogether restored = BoughtTogether.restore(model.antecedentStarts(), model.antecedentItems(),
                model.consequents(), model.confidences(), model.lifts());
        UserHistory history = new UserHistory(new int[] { BREAD, MILK }, new float[] { 1, 3 });

        assertThat(restored.recommend(history, 10)).isEqualTo(model.recommend(history, 10));
        assertThat(restored.boughtWith(BREAD, 10)).isEqualTo(model.boughtWith(BREAD, 10));
        assertThatThrownBy(() -> BoughtTogether.restore(new int[] { 0, 1 }, new int[] { 2 }, new int[] { 2 },
                new double[] { 0.5 }, new double[] { 1 })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consequent is in the antecedent");
        assertThatThrownBy(() -> BoughtTogether.restore(new int[] { 0, 2 }, new int[] { 3, 1 }, new int[] { 2 },
                new double[] { 0.5 }, new double[] { 1 })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> BoughtTogether.restore(new int[] { 0 }, new int[] { 1 }, new int[] {},
                new double[] {}, new double[] {})).isInstanceOf(IllegalArgumentException.class);
    }
}
