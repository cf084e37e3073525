package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Interactions (behaviour events) and paid orders by channel × day of week × hour in {@code zone}, over the UTC days
 * {@code from..to}, and the best send slots: the hours of the week with the highest conversion (orders ÷ interactions)
 * among those with at least {@code minimumInteractions}. With a segment, the slots are those of the segment's current
 * customers over their whole recorded history; without one, those of every visitor in the period.
 *
 * @param segment          the {@code tag=value} asked for, or null
 * @param segmentCustomers customers currently in the segment, or null without one
 * @param cells            cells with any activity, by channel, day of week (1 Monday .. 7 Sunday) and hour
 */
public record HeatmapView(LocalDate from, LocalDate to, String channel, String zone, String segment,
                          Long segmentCustomers, int minimumInteractions, List<Cell> cells, List<Slot> bestSlots) {

    public record Cell(String channel, int dayOfWeek, int hour, long interactions, long orders) {
    }

    /**
     * @param hourOfWeek        0 (Monday 00:00–01:00) .. 167
     * @param conversionPercent orders ÷ interactions, 2 decimals
     */
    public record Slot(int hourOfWeek, int dayOfWeek, int hour, long interactions, long orders,
                       BigDecimal conversionPercent) {
    }
}
