package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid models are rejected with an IllegalArgumentException naming the setting. */
class RfmModelValidationTest {

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("recency.score4MaxDays", () -> new RecencyThresholds(0, 90, 180)),
                invalid("recency.score4MaxDays", () -> new RecencyThresholds(-30, 90, 180)),
                invalid("recency.score3MaxDays", () -> new RecencyThresholds(30, 30, 180)),
                invalid("recency.score3MaxDays", () -> new RecencyThresholds(100, 90, 180)),
                invalid("recency.score2MaxDays", () -> new RecencyThresholds(30, 90, 90)),
                invalid("frequency.score2MinOrders", () -> new FrequencyThresholds(0, 5, 10)),
                invalid("frequency.score3MinOrders", () -> new FrequencyThresholds(2, 2, 10)),
                invalid("frequency.score4MinOrders", () -> new FrequencyThresholds(2, 5, 4)),
                invalid("monetary.score2MinSpend", () -> new MonetaryThresholds(null, money("2000"), money("5000"))),
                invalid("monetary.score2MinSpend", () -> new MonetaryThresholds(money("0"), money("2000"), money("5000"))),
                invalid("monetary.score3MinSpend", () -> new MonetaryThresholds(money("1000"), money("-1"), money("5000"))),
                invalid("monetary.score3MinSpend",
                        () -> new MonetaryThresholds(money("1000"), money("1000.00"), money("5000"))),
                invalid("monetary.score4MinSpend",
                        () -> new MonetaryThresholds(money("1000"), money("2000"), money("1999.99"))),
                invalid("monetary.score4MinSpend", () -> new MonetaryThresholds(money("1000"), money("2000"), null)),
                invalid("highLow.recency", () -> new HighLowCuts(null, LevelCut.populationMean(), LevelCut.populationMean())),
                invalid("highLow.frequency",
                        () -> new HighLowCuts(LevelCut.populationMean(), LevelCut.atLeast(1), LevelCut.populationMean())),
                invalid("highLow.monetary",
                        () -> new HighLowCuts(LevelCut.populationMean(), LevelCut.atLeast(2), LevelCut.atLeast(4.5))),
                invalid("highLow.recency", () -> new HighLowCuts(LevelCut.atLeast(Double.NaN), LevelCut.atLeast(2),
                        LevelCut.atLeast(2))),
                invalid("recency", () -> new ThresholdScheme(null, FrequencyThresholds.DEFAULT, MonetaryThresholds.DEFAULT,
                        HighLowCuts.BY_MEAN)),
                invalid("frequency", () -> new ThresholdScheme(RecencyThresholds.DEFAULT, null, MonetaryThresholds.DEFAULT,
                        HighLowCuts.BY_MEAN)),
                invalid("monetary", () -> new ThresholdScheme(RecencyThresholds.DEFAULT, FrequencyThresholds.DEFAULT, null,
                        HighLowCuts.BY_MEAN)),
                invalid("highLow", () -> ThresholdScheme.withCuts(null)),
                invalid("window", () -> RfmWindow.trailing(Period.ZERO)),
                invalid("window", () -> RfmWindow.trailing(Period.ofDays(-1))),
                invalid("window", () -> RfmWindow.trailing(Period.of(0, 6, -1))),
                invalid("window", () -> RfmWindow.trailing(null)),
                invalid("window", () -> new RfmModel(new QuintileScheme(), AS_OF, null)),
                invalid("scheme", () -> new RfmModel(null, AS_OF, RfmWindow.wholeHistory())),
                invalid("asOf", () -> new RfmModel(new QuintileScheme(), null, RfmWindow.wholeHistory())));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("invalidSettings")
    void invalidSettingsAreRejectedWithTheFieldNamed(String field, ThrowingCallable construction) {
        assertThatThrownBy(construction)
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOfSatisfying(InvalidRfmModelException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + " ");
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertThatThrownBy(() -> new RecencyThresholds(30, 30, 180))
                .hasMessage("recency.score3MaxDays must be greater than recency.score4MaxDays (30), was 30");
        assertThatThrownBy(() -> new MonetaryThresholds(money("1000"), money("2000"), money("1999.99")))
                .hasMessage("monetary.score4MinSpend must be greater than monetary.score3MinSpend (2000), was 1999.99");
    }

    @Test
    void theDefaultsAreValidAndTheGlossarys() {
        ThresholdScheme defaults = ThresholdScheme.defaults();

        assertThat(defaults.recency()).isEqualTo(new RecencyThresholds(30, 90, 180));
        assertThat(defaults.frequency()).isEqualTo(new FrequencyThresholds(2, 5, 10));
        assertThat(defaults.monetary()).isEqualTo(new MonetaryThresholds(money("1000"), money("2000"), money("5000")));
        assertThat(defaults.highLow()).isEqualTo(HighLowCuts.BY_MEAN);
        assertThat(new HighLowCuts(LevelCut.atLeast(1.5), LevelCut.atLeast(4), LevelCut.populationMean())).isNotNull();
    }

    private static Arguments invalid(String field, ThrowingCallable construction) {
        return Arguments.of(field, construction);
    }

    private static BigDecimal money(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }
}
