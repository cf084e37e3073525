package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.AS_OF;
import static io.lodestar.segmentation.rfm.RfmFixtures.SCORER;
import static io.lodestar.segmentation.rfm.RfmFixtures.customer;
import static io.lodestar.segmentation.rfm.RfmFixtures.neverPaid;
import static io.lodestar.segmentation.rfm.RfmFixtures.thresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the scorer returns around the scores: unscored customers, windows, inconsistent inputs, the distribution. */
class RfmScorerTest {

    private static final RfmModel SIX_MONTHS =
            new RfmModel(ThresholdScheme.defaults(), AS_OF, RfmWindow.trailing(Period.ofMonths(6)));
    private static final Instant WINDOW_START = Instant.parse("2011-06-10T00:00:00Z");

    @Test
    void customersWhoNeverPaidAreReportedNotScored() {
        RfmResult result = thresholds(List.of(customer("a", 3, 2, "10"), neverPaid("n")));

        assertThat(result.scored()).extracting(ScoredCustomer::customerId).containsExactly("a");
        assertThat(result.unscored()).containsExactly(new UnscoredCustomer("n", UnscoredReason.NEVER_PAID));
        assertThat(result.distribution().scored()).isEqualTo(1);
    }

    @Test
    void theResultCarriesValuesScoresClassAndCode() {
        ScoredCustomer scored = RfmFixtures.only(thresholds(List.of(customer("a", 45, 6, "2500.00"))));

        assertThat(scored).isEqualTo(new ScoredCustomer("a", new RfmValues(45, 6, new BigDecimal("2500.00")),
                RfmScores.of(3, 3, 3), RfmClass.IMPORTANT_VALUE, "HHH"));
        assertThat(scored.scores().code()).isEqualTo("R3F3M3");
    }

    @Test
    void aWindowStartsOnTheUtcCalendarAndIncludesItsFirstInstant() {
        assertThat(SIX_MONTHS.window().start(AS_OF)).contains(WINDOW_START);
        assertThat(RfmWindow.wholeHistory().start(AS_OF)).isEmpty();

        RfmResult result = SCORER.score(List.of(new RfmInput("edge", WINDOW_START, 1, BigDecimal.TEN),
                new RfmInput("lapsed", WINDOW_START.minusSeconds(1), 0, BigDecimal.ZERO), neverPaid("n")), SIX_MONTHS);

        assertThat(result.scored()).extracting(ScoredCustomer::customerId).containsExactly("edge");
        assertThat(result.scored().get(0).values().recencyDays()).isEqualTo(183);
        assertThat(result.unscored()).containsExactly(
                new UnscoredCustomer("lapsed", UnscoredReason.NO_PAID_ORDER_IN_WINDOW),
                new UnscoredCustomer("n", UnscoredReason.NEVER_PAID));
    }

    @Test
    void ordersCountedInAWindowTheLastOrderIsBeforeAreRejected() {
        List<RfmInput> inputs = List.of(new RfmInput("c42", WINDOW_START.minusSeconds(1), 3, BigDecimal.TEN));

        assertThatThrownBy(() -> SCORER.score(inputs, SIX_MONTHS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c42").hasMessageContaining("window");
    }

    @Test
    void aLastPaidOrderAfterAsOfIsRejected() {
        List<RfmInput> inputs = List.of(new RfmInput("c7", AS_OF.plusMillis(1), 1, BigDecimal.TEN));

        assertThatThrownBy(() -> thresholds(inputs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c7").hasMessageContaining("after asOf");
    }

    @Test
    void aCustomerIdTwiceIsRejected() {
        List<RfmInput> inputs = List.of(customer("a", 1, 1, "1"), neverPaid("b"), neverPaid("a"));

        assertThatThrownBy(() -> thresholds(inputs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerId a appears more than once");
        assertThatThrownBy(() -> RfmFixtures.quintiles(inputs)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullInputIsRejected() {
        List<RfmInput> inputs = new ArrayList<>();
        inputs.add(customer("a", 1, 1, "1"));
        inputs.add(null);

        assertThatThrownBy(() -> thresholds(inputs)).hasMessageContaining("inputs[1]");
    }

    @Test
    void anEmptyPopulationScoresNobody() {
        RfmResult threshold = thresholds(List.of(neverPaid("n")));
        RfmResult quintile = RfmFixtures.quintiles(List.of());

        assertThat(threshold.scored()).isEmpty();
        assertThat(threshold.levelCuts()).isEmpty();
        assertThat(threshold.distribution().counts()).hasSize(8).containsValue(0).doesNotContainValue(1);
        assertThat(quintile.distribution().counts()).hasSize(11);
        assertThat(quintile.distribution().share(RfmSegment.LOST)).isZero();
    }

    @Test
    void theDistributionListsEveryGroupInOrder() {
        RfmResult result = thresholds(List.of(customer("a", 1, 12, "9000"), customer("b", 300, 1, "5"),
                customer("c", 2, 11, "6000")));

        assertThat(result.distribution().counts().keySet()).containsExactly((RfmGroup[]) RfmClass.values());
        assertThat(result.distribution().count(RfmClass.IMPORTANT_VALUE)).isEqualTo(2);
        assertThat(result.distribution().count(RfmClass.GENERAL_WIN_BACK)).isEqualTo(1);
        assertThat(result.distribution().share(RfmClass.IMPORTANT_VALUE)).isEqualTo(2.0 / 3);
        assertThat(result.distribution().count(RfmSegment.CHAMPIONS)).isZero();
    }
}
