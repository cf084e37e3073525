package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.customer;
import static io.lodestar.segmentation.rfm.RfmFixtures.only;
import static io.lodestar.segmentation.rfm.RfmFixtures.thresholds;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every boundary of the Glossary's default thresholds, on the threshold records and through the scorer. */
class ThresholdSchemeTest {

    @ParameterizedTest(name = "{0} days → R {1}")
    @CsvSource({"0, 4", "1, 4", "29, 4", "30, 4", "31, 3", "89, 3", "90, 3", "91, 2", "179, 2", "180, 2", "181, 1",
        "3650, 1"})
    void recencyBoundaries(long days, int score) {
        assertThat(RecencyThresholds.DEFAULT.score(days)).isEqualTo(score);
        assertThat(only(thresholds(List.of(customer("c", days, 1, "1")))).scores().recency()).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} orders → F {1}")
    @CsvSource({"1, 1", "2, 2", "3, 2", "4, 2", "5, 3", "9, 3", "10, 4", "11, 4", "500, 4"})
    void frequencyBoundaries(int orders, int score) {
        assertThat(FrequencyThresholds.DEFAULT.score(orders)).isEqualTo(score);
        assertThat(only(thresholds(List.of(customer("c", 1, orders, "1")))).scores().frequency()).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} spent → M {1}")
    @CsvSource({"-250.00, 1", "0, 1", "999.99, 1", "1000, 2", "1000.00, 2", "1000.01, 2", "1999.99, 2", "2000, 3",
        "2000.000, 3", "4999.99, 3", "5000, 4", "5000.00, 4", "125000.50, 4"})
    void monetaryBoundariesCompareByValueWhateverTheScale(String spend, int score) {
        assertThat(MonetaryThresholds.DEFAULT.score(new BigDecimal(spend))).isEqualTo(score);
        assertThat(only(thresholds(List.of(customer("c", 1, 1, spend)))).scores().monetary()).isEqualTo(score);
    }

    @Test
    void configuredCutPointsReplaceTheDefaults() {
        RecencyThresholds recency = new RecencyThresholds(7, 14, 28);
        FrequencyThresholds frequency = new FrequencyThresholds(3, 6, 12);
        MonetaryThresholds monetary = new MonetaryThresholds(new BigDecimal("50"), new BigDecimal("100.5"),
                new BigDecimal("400"));

        assertThat(List.of(recency.score(7), recency.score(8), recency.score(14), recency.score(15), recency.score(28),
                recency.score(29))).containsExactly(4, 3, 3, 2, 2, 1);
        assertThat(List.of(frequency.score(2), frequency.score(3), frequency.score(5), frequency.score(6),
                frequency.score(11), frequency.score(12))).containsExactly(1, 2, 2, 3, 3, 4);
        assertThat(List.of(monetary.score(new BigDecimal("49.99")), monetary.score(new BigDecimal("50")),
                monetary.score(new BigDecimal("100.49")), monetary.score(new BigDecimal("100.50")),
                monetary.score(new BigDecimal("399.99")), monetary.score(new BigDecimal("400"))))
                .containsExactly(1, 2, 2, 3, 3, 4);

        ThresholdScheme scheme = new ThresholdScheme(recency, frequency, monetary, HighLowCuts.BY_MEAN);
        RfmResult result = RfmFixtures.SCORER.score(List.of(customer("c", 15, 6, "100.5")),
                RfmModel.overWholeHistory(scheme, RfmFixtures.AS_OF));
        assertThat(only(result).scores()).isEqualTo(RfmScores.of(2, 3, 3));
    }
}
