package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmFixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmValuesTest {

    @ParameterizedTest(name = "{0} before asOf is {1} days")
    @CsvSource({
        "PT0S, 0",
        "PT23H59M59.999999999S, 0",
        "PT24H, 1",
        "P30DT23H, 30",
        "P30DT23H59M59.999999999S, 30",
        "P31D, 31",
        "P29DT23H59M59S, 29",
        "P400D, 400",
    })
    void recencyIsWholeDaysRoundedDown(Duration beforeAsOf, long days) {
        RfmInput input = new RfmInput("c", AS_OF.minus(beforeAsOf), 1, BigDecimal.TEN);

        assertThat(RfmValues.of(input, AS_OF).recencyDays()).isEqualTo(days);
    }

    @Test
    void frequencyAndMonetaryAreTheAggregatedInputs() {
        RfmValues values = RfmValues.of(new RfmInput("c", AS_OF.minusSeconds(5), 7, new BigDecimal("-12.50")), AS_OF);

        assertThat(values).isEqualTo(new RfmValues(0, 7, new BigDecimal("-12.50")));
    }

    @Test
    void theOnlineRetailLastInvoiceIsScoredAsOfTheNextMidnight() {
        Instant lastInvoice = Instant.parse("2011-12-09T12:50:00Z");

        assertThat(RfmValues.recencyDays(lastInvoice, AS_OF)).isZero();
        assertThat(RfmValues.recencyDays(Instant.parse("2011-12-08T23:59:59Z"), AS_OF)).isEqualTo(1);
    }

    @Test
    void inputsRejectWhatCannotBeScored() {
        assertThatThrownBy(() -> new RfmInput(" ", null, 0, BigDecimal.ZERO)).hasMessageContaining("customerId");
        assertThatThrownBy(() -> new RfmInput("c", AS_OF, -1, BigDecimal.ZERO)).hasMessageContaining("paidOrders");
        assertThatThrownBy(() -> new RfmInput("c", AS_OF, 1, null)).hasMessageContaining("netSpend");
        assertThatThrownBy(() -> new RfmInput("c", null, 2, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastPaidAt");
    }

    @Test
    void valuesRejectNegativeMeasures() {
        assertThatThrownBy(() -> new RfmValues(-1, 1, BigDecimal.ONE)).hasMessageContaining("recencyDays");
        assertThatThrownBy(() -> new RfmValues(1, -1, BigDecimal.ONE)).hasMessageContaining("frequency");
    }
}
