package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.byId;
import static io.lodestar.segmentation.rfm.RfmFixtures.customer;
import static io.lodestar.segmentation.rfm.RfmFixtures.neverPaid;
import static io.lodestar.segmentation.rfm.RfmFixtures.only;
import static io.lodestar.segmentation.rfm.RfmFixtures.quintiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class QuintileScoringTest {

    @Test
    void aLoneCustomerIsTheMedianOfItsPopulation() {
        ScoredCustomer lone = only(quintiles(List.of(customer("c", 10, 3, "99"))));

        assertThat(lone.scores()).isEqualTo(RfmScores.of(3, 3, 3));
        assertThat(lone.code()).isEqualTo("R3F3M3");
        assertThat(lone.group()).isEqualTo(RfmSegment.NEED_ATTENTION);
    }

    @Test
    void twoCustomersTakeTheExtremes() {
        RfmResult result = quintiles(List.of(customer("a", 5, 8, "900"), customer("b", 200, 1, "10")));

        assertThat(byId(result, "a").code()).isEqualTo("R5F5M5");
        assertThat(byId(result, "a").group()).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(byId(result, "b").code()).isEqualTo("R1F1M1");
        assertThat(byId(result, "b").group()).isEqualTo(RfmSegment.LOST);
    }

    @Test
    void fiveDistinctCustomersGetOneQuintileEachAndTheMostRecentScoresFive() {
        List<RfmInput> inputs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // c0 bought most recently, least often and spent least
            inputs.add(customer("c" + i, i * 10L, i + 1, String.valueOf(100 * (i + 1))));
        }

        RfmResult result = quintiles(inputs);

        for (int i = 0; i < 5; i++) {
            RfmScores scores = byId(result, "c" + i).scores();
            assertThat(scores.recency()).isEqualTo(5 - i);
            assertThat(scores.frequency()).isEqualTo(i + 1);
            assertThat(scores.monetary()).isEqualTo(i + 1);
        }
        assertThat(byId(result, "c0").group()).isEqualTo(RfmSegment.NEW);
        assertThat(byId(result, "c4").group()).isEqualTo(RfmSegment.CANT_LOSE_THEM);
    }

    @Test
    void sevenCustomersAreSplitLikePandasQcut() {
        List<RfmInput> inputs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            inputs.add(customer("c" + i, 100 - i, i, String.valueOf(i)));
        }

        RfmResult result = quintiles(inputs);

        assertThat(result.scored().stream().map(s -> s.scores().monetary())).containsExactly(1, 1, 2, 3, 4, 5, 5);
        assertThat(result.scored().stream().map(s -> s.scores().frequency())).containsExactly(1, 1, 2, 3, 4, 5, 5);
        // c7 has the fewest days, so the highest recency rank is reversed onto the most recent
        assertThat(result.scored().stream().map(s -> s.scores().recency())).containsExactly(1, 1, 2, 3, 4, 5, 5);
    }

    @Test
    void tiesAreBrokenByAscendingCustomerId() {
        List<RfmInput> identical = new ArrayList<>();
        for (String id : List.of("e", "b", "d", "a", "c")) {
            identical.add(customer(id, 30, 2, "50"));
        }

        RfmResult result = quintiles(identical);

        // ascending rank in customerId order: a first. F and M take the quintile, R its reverse.
        assertThat(byId(result, "a").code()).isEqualTo("R5F1M1");
        assertThat(byId(result, "b").code()).isEqualTo("R4F2M2");
        assertThat(byId(result, "c").code()).isEqualTo("R3F3M3");
        assertThat(byId(result, "d").code()).isEqualTo("R2F4M4");
        assertThat(byId(result, "e").code()).isEqualTo("R1F5M5");
    }

    @Test
    void customerIdsCompareAsStringsNotNumbers() {
        RfmResult result = quintiles(List.of(customer("10", 1, 1, "1"), customer("9", 1, 1, "1")));

        assertThat(byId(result, "10").scores().frequency()).isEqualTo(1); // "10" < "9"
        assertThat(byId(result, "9").scores().frequency()).isEqualTo(5);
    }

    @Test
    void tiesOnlyReorderCustomersWithTheSameValue() {
        RfmResult result = quintiles(List.of(customer("z", 1, 1, "10"), customer("a", 1, 1, "10"),
                customer("m", 1, 9, "10000"), customer("b", 1, 1, "5"), customer("y", 1, 1, "10")));

        assertThat(byId(result, "b").scores().monetary()).isEqualTo(1);
        assertThat(byId(result, "a").scores().monetary()).isEqualTo(2);
        assertThat(byId(result, "y").scores().monetary()).isEqualTo(3);
        assertThat(byId(result, "z").scores().monetary()).isEqualTo(4);
        assertThat(byId(result, "m").scores().monetary()).isEqualTo(5);
        assertThat(byId(result, "m").scores().frequency()).isEqualTo(5);
    }

    @Test
    void theResultDoesNotDependOnInputOrder() {
        Random random = new Random(7);
        List<RfmInput> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            inputs.add(customer("c" + i, random.nextInt(20), 1 + random.nextInt(3), String.valueOf(random.nextInt(5))));
        }
        List<RfmInput> shuffled = new ArrayList<>(inputs);
        Collections.shuffle(shuffled, new Random(11));

        RfmResult original = quintiles(inputs);
        RfmResult reordered = quintiles(shuffled);

        for (ScoredCustomer scored : original.scored()) {
            assertThat(byId(reordered, scored.customerId())).isEqualTo(scored);
        }
        assertThat(reordered.scored().get(0).customerId()).isEqualTo(shuffled.get(0).customerId());
        assertThat(reordered.distribution()).isEqualTo(original.distribution());
    }

    @Test
    void onlyPayingCustomersFormThePopulation() {
        RfmResult result = quintiles(List.of(neverPaid("n1"), customer("a", 1, 5, "500"), neverPaid("n2"),
                customer("b", 90, 1, "5")));

        assertThat(result.scored()).extracting(ScoredCustomer::customerId).containsExactly("a", "b");
        assertThat(byId(result, "a").code()).isEqualTo("R5F5M5");
        assertThat(result.unscored()).extracting(UnscoredCustomer::customerId).containsExactly("n1", "n2");
        assertThat(result.distribution().scored()).isEqualTo(2);
        assertThat(result.levelCuts()).isEmpty();
    }
}
