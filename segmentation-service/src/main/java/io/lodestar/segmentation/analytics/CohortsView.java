package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Monthly first-purchase cohorts and their retention. A customer's cohort is the UTC month of their first paid order;
 * they are retained in month offset {@code k} when they have a paid order in the {@code k}-th month after it (offset 0
 * is the cohort month itself, so its share is always 100%).
 *
 * @param from    the first cohort month asked for ({@code YYYY-MM}), or null
 * @param to      the last cohort month asked for, or null
 * @param periods month offsets per cohort
 * @param cohorts the cohorts that have customers, by month
 */
public record CohortsView(String from, String to, int periods, List<Cohort> cohorts) {

    /**
     * @param cohort    {@code YYYY-MM}
     * @param customers the cohort's size
     * @param periods   offsets 0..periods-1
     */
    public record Cohort(String cohort, long customers, List<Period> periods) {
    }

    /**
     * @param offset    months after the cohort month
     * @param month     {@code YYYY-MM}
     * @param customers cohort customers with a paid order in that month; null when the month has not begun yet (UTC)
     * @param percent   their share of the cohort in percent, 2 decimals; null when the month has not begun yet
     */
    public record Period(int offset, String month, Long customers, BigDecimal percent) {
    }
}
