package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lodestar.customerprofile.bulkimport.SpendOutlier.Side;

class SpendOutlierDetectorTest {

    private static final Currency GBP = Currency.getInstance("GBP");

    @Test
    void tukeyFencesOnFiveCustomers() {
        // sorted 10, 20, 30, 40, 1000: Q1 = x[1] = 20, Q3 = x[3] = 40, IQR 20, fences -10 and 70
        SpendOutlierDetector detector = detector(new OutlierRule.TukeyFences(), 10, 20, 30, 40, 1000);

        assertThat(detector.outliers()).containsExactly(
                new SpendOutlier("c5", GBP, new BigDecimal("1000"), new BigDecimal("70.0"), Side.HIGH,
                        new OutlierRule.TukeyFences(1.5)));
    }

    @Test
    void tukeyFencesInterpolateQuartilesAndFlagTheLowSide() {
        // sorted -50, 10, 20, 30, 40, 1000: h = 1.25 → Q1 = 10 + 0.25 × 10 = 12.5; h = 3.75 → Q3 = 30 + 0.75 × 10
        // = 37.5; IQR 25; fences 12.5 − 37.5 = −25 and 37.5 + 37.5 = 75
        SpendOutlierDetector detector = detector(new OutlierRule.TukeyFences(), -50, 10, 20, 30, 40, 1000);

        List<SpendOutlier> outliers = detector.outliers();

        assertThat(outliers).extracting(SpendOutlier::customerId, SpendOutlier::side)
                .containsExactly(tuple("c1", Side.LOW),
                        tuple("c6", Side.HIGH));
        assertThat(outliers.get(0).threshold()).isEqualByComparingTo("-25");
        assertThat(outliers.get(1).threshold()).isEqualByComparingTo("75");
    }

    @Test
    void quartilesFollowType7() {
        List<BigDecimal> sorted = List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"),
                new BigDecimal("4"));
        // h = 0.75 → 1.75; h = 2.25 → 3.25 (numpy.percentile([1,2,3,4], [25, 75]))
        assertThat(Quartiles.of(sorted).q1()).isEqualByComparingTo("1.75");
        assertThat(Quartiles.of(sorted).q3()).isEqualByComparingTo("3.25");
        assertThat(Quartiles.of(List.of(BigDecimal.TEN)).iqr()).isEqualByComparingTo("0");
    }

    @Test
    void kTimesMean() {
        // mean of 10, 20, 30, 40, 1000 is 220
        assertThat(detector(new OutlierRule.KTimesMean(3), 10, 20, 30, 40, 1000).outliers())
                .singleElement().satisfies(o -> {
                    assertThat(o.customerId()).isEqualTo("c5");
                    assertThat(o.threshold()).isEqualByComparingTo("660");
                    assertThat(o.side()).isEqualTo(Side.HIGH);
                });
        assertThat(detector(new OutlierRule.KTimesMean(5), 10, 20, 30, 40, 1000).outliers()).isEmpty();
        assertThat(detector(new OutlierRule.KTimesMean(4.5), 10, 20, 30, 40, 990).outliers())
                .as("218 × 4.5 = 981 < 990").hasSize(1);
    }

    @Test
    void spendIsNetOfCancellationsPerCurrencyAndIgnoresLinesWithoutCustomer() {
        SpendOutlierDetector detector = new SpendOutlierDetector(new OutlierRule.TukeyFences());
        detector.add(line("a", 2, "10", GBP));
        detector.add(line("a", -1, "10", GBP));
        detector.add(line(null, 100, "10", GBP));
        detector.add(line("a", 1, "99", Currency.getInstance("EUR")));

        assertThat(detector.spends(GBP)).containsOnly(entry("a", new BigDecimal("10")));
        assertThat(detector.spends(Currency.getInstance("EUR"))).hasSize(1);
        assertThat(detector.outliers()).isEmpty();
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> new OutlierRule.TukeyFences(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutlierRule.KTimesMean(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SpendOutlierDetector detector(OutlierRule rule, int... spends) {
        SpendOutlierDetector detector = new SpendOutlierDetector(rule);
        for (int i = 0; i < spends.length; i++) {
            detector.add(line("c" + (i + 1), 1, Integer.toString(spends[i]), GBP));
        }
        return detector;
    }

    static OrderLineRecord line(String customer, int quantity, String price, Currency currency) {
        return new OrderLineRecord(2, quantity < 0 ? "C1" : "1", "sku", null, quantity, new BigDecimal(price),
                Instant.EPOCH, customer, null, null, currency, null, quantity < 0, Set.of());
    }
}
