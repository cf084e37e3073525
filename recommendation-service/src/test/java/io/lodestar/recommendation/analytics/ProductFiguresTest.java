package io.lodestar.recommendation.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ProductFiguresTest {

    private static ProductFigures figures(long views, long carts, long impressions, long recClicks, long orders,
                                          long units, String revenue, long refundedUnits, String costOfSales,
                                          Long stock) {
        return new ProductFigures(views, 0, carts, impressions, recClicks, orders, units, new BigDecimal(revenue),
                refundedUnits == 0 ? 0 : 1, refundedUnits, BigDecimal.ZERO,
                costOfSales == null ? null : new BigDecimal(costOfSales), stock);
    }

    @Test
    void ratesDivideByTheirDenominatorAndAreNullWithoutOne() {
        ProductFigures f = figures(300, 30, 200, 9, 12, 18, "180.00", 3, null, null);
        assertThat(f.ctr()).isEqualTo(0.045);
        assertThat(f.addToCartRate()).isEqualTo(0.1);
        assertThat(f.conversion()).isEqualTo(0.04);
        assertThat(f.refundRate()).isEqualTo(0.1667);

        ProductFigures none = figures(0, 0, 0, 0, 0, 0, "0", 0, null, null);
        assertThat(none.ctr()).isNull();
        assertThat(none.addToCartRate()).isNull();
        assertThat(none.conversion()).isNull();
        assertThat(none.refundRate()).isNull();
    }

    @Test
    void theShareIsOfThePeriodsRevenueAndNullWhenThePeriodSoldNothing() {
        ProductFigures f = figures(1, 0, 0, 0, 1, 2, "20.00", 0, null, null);
        assertThat(f.revenueShare(new BigDecimal("30.00"))).isEqualTo(0.6667);
        assertThat(f.revenueShare(new BigDecimal("20.00"))).isEqualTo(1.0);
        assertThat(f.revenueShare(BigDecimal.ZERO)).isNull();
    }

    @Test
    void marginNeedsACostAndItsRateNeedsRevenue() {
        ProductFigures f = figures(1, 0, 0, 0, 1, 2, "20.00", 0, "8.00", null);
        assertThat(f.margin()).isEqualByComparingTo("12.00");
        assertThat(f.marginRate()).isEqualTo(0.6);
        ProductFigures loss = figures(1, 0, 0, 0, 1, 2, "5.00", 0, "8.00", null);
        assertThat(loss.margin()).isEqualByComparingTo("-3.00");
        assertThat(loss.marginRate()).isEqualTo(-0.6);
        ProductFigures unknown = figures(1, 0, 0, 0, 1, 2, "20.00", 0, null, null);
        assertThat(unknown.margin()).as("unknown cost: null, not 0").isNull();
        assertThat(unknown.marginRate()).isNull();
        assertThat(figures(0, 0, 0, 0, 0, 0, "0", 0, "0", null).marginRate()).isNull();
    }

    @Test
    void turnoverAndDaysOfCoverNeedAStock() {
        ProductFigures f = figures(1, 0, 0, 0, 3, 30, "300.00", 0, null, 60L);
        assertThat(f.stockTurnover()).isEqualTo(0.5);
        assertThat(f.daysOfCover(30)).as("60 on hand at 1 a day").isEqualTo(60.0);
        assertThat(f.daysOfCover(7)).isEqualTo(14.0);
        assertThat(figures(1, 0, 0, 0, 0, 0, "0", 0, null, 60L).daysOfCover(30)).as("nothing sold").isNull();
        assertThat(figures(1, 0, 0, 0, 1, 5, "50", 0, null, 0L).stockTurnover()).as("no stock left").isNull();
        assertThat(figures(1, 0, 0, 0, 1, 5, "50", 0, null, 0L).daysOfCover(30)).isEqualTo(0.0);
        ProductFigures unknown = figures(1, 0, 0, 0, 1, 5, "50", 0, null, null);
        assertThat(unknown.stockTurnover()).isNull();
        assertThat(unknown.daysOfCover(30)).isNull();
    }
}
