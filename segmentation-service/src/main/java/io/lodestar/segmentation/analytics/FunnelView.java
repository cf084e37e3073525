package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The site funnel (exposure → click → add to cart → checkout → pay) over UTC days {@code from..to}, counted per customer
 * once per session window ({@code lodestar.traffic.funnel-session-window}) x channel x category and summed over the
 * windows of each day (see {@link FunnelCounter} for the rules).
 *
 * @param channel  the channel filter, or null for all
 * @param category the category filter, or null for all
 * @param total    the steps summed over every group below
 * @param groups   per day (the sum of its windows), channel and category that has customers, by day, channel, category
 */
public record FunnelView(LocalDate from, LocalDate to, String channel, String category, List<Step> total,
                         List<Group> groups) {

    public record Group(LocalDate day, String channel, String category, List<Step> steps) {
    }

    /**
     * @param continued         customers of the previous step who reached this one (null for the first step)
     * @param conversionPercent continued ÷ customers of the previous step, 2 decimals (null for the first step or when
     *                          the previous step has no customers)
     * @param dropOff           customers of the previous step who did not reach this one (null for the first step)
     * @param unobservedEntries customers in this step with no earlier step recorded (flagged, still counted)
     */
    public record Step(String step, long customers, Long continued, BigDecimal conversionPercent, Long dropOff,
                       long unobservedEntries) {
    }
}
