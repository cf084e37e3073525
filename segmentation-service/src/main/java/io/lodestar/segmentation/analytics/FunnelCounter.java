package io.lodestar.segmentation.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counting rules of the site funnel, pure. The input is how many customers reached each combination of steps
 * (a bit set of {@link FunnelStep}s) in one session window x channel x category, or summed over several (the windows of
 * a day, of a period): a customer counts once per window x channel x category, whatever the order of their events in
 * it, and once in each window they were seen in. Per step:
 * <ul>
 *   <li>{@code customers}: customers who reached the step;</li>
 *   <li>{@code continued}: customers who reached both the previous step and this one;</li>
 *   <li>{@code conversionPercent}: continued ÷ customers of the previous step (null for the first step or when the
 *       previous step has none);</li>
 *   <li>{@code dropOff}: customers of the previous step who did not reach this one;</li>
 *   <li>{@code unobservedEntries}: customers who reached the step without any earlier step being recorded (a pay
 *       without an exposure, click, cart or checkout) — they count in the step and every later step they reached, and
 *       are flagged here. Zero for the first step by definition.</li>
 * </ul>
 */
final class FunnelCounter {

    private FunnelCounter() {
    }

    /** @param customersBySteps customers per non-empty bit set of steps */
    static List<FunnelView.Step> count(Map<Integer, Long> customersBySteps) {
        FunnelStep[] steps = FunnelStep.values();
        long[] reached = new long[steps.length];
        long[] continued = new long[steps.length];
        long[] entries = new long[steps.length];
        customersBySteps.forEach((mask, customers) -> {
            if (mask <= 0 || mask >= 1 << steps.length) {
                throw new IllegalArgumentException("not a set of funnel steps: " + mask);
            }
            for (FunnelStep step : steps) {
                if ((mask & step.bit()) == 0) {
                    continue;
                }
                int k = step.ordinal();
                reached[k] += customers;
                if (k > 0 && (mask & steps[k - 1].bit()) != 0) {
                    continued[k] += customers;
                }
                if (k > 0 && (mask & (step.bit() - 1)) == 0) {
                    entries[k] += customers;
                }
            }
        });
        List<FunnelView.Step> figures = new ArrayList<>(steps.length);
        for (FunnelStep step : steps) {
            int k = step.ordinal();
            if (k == 0) {
                figures.add(new FunnelView.Step(step.wireName(), reached[0], null, null, null, 0));
            } else {
                figures.add(new FunnelView.Step(step.wireName(), reached[k], continued[k],
                        Percentages.of(continued[k], reached[k - 1]), reached[k - 1] - continued[k], entries[k]));
            }
        }
        return List.copyOf(figures);
    }
}
