package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Which first touches lead to paid orders on which channel, over the UTC days {@code from..to}. A customer's first
 * touch is their earliest behaviour event of the period; they convert on a pair when they have a paid order with that
 * channel within {@code lookbackHours} after it (the order may fall after {@code to}). Customers only: anonymous
 * visitors have no orders.
 *
 * @param firstTouches customers per first-touch channel, most first
 * @param paths        per first touch → order channel pair with conversions, best conversion first
 */
public record PathsView(LocalDate from, LocalDate to, long lookbackHours, List<FirstTouch> firstTouches,
                        List<Path> paths) {

    public record FirstTouch(String channel, long customers) {
    }

    /**
     * @param customers             customers of the first touch who ordered through the order channel
     * @param firstTouchCustomers   customers whose first touch was that channel
     * @param conversionPercent     customers ÷ firstTouchCustomers, 2 decimals
     */
    public record Path(String firstTouch, String orderChannel, long customers, long firstTouchCustomers,
                       BigDecimal conversionPercent) {
    }
}
