package io.lodestar.segmentation.analytics;

import java.util.Comparator;
import java.util.List;

import io.lodestar.segmentation.analytics.TrafficRepository.SlotRow;

/**
 * The best send slots, pure: hours of the week with at least the minimum interactions, by conversion (orders ÷
 * interactions) descending, then more orders, then the earlier hour.
 */
final class SendSlots {

    private SendSlots() {
    }

    static List<HeatmapView.Slot> best(List<SlotRow> slots, int minimumInteractions, int limit) {
        Comparator<SlotRow> byConversion = (a, b) -> Long.compare(b.orders() * a.interactions(),
                a.orders() * b.interactions()); // b.o/b.i vs a.o/a.i without division
        return slots.stream()
                .filter(s -> s.interactions() >= Math.max(1, minimumInteractions))
                .sorted(byConversion.thenComparing(SlotRow::orders, Comparator.reverseOrder())
                        .thenComparingInt(SlotRow::hourOfWeek))
                .limit(limit)
                .map(s -> new HeatmapView.Slot(s.hourOfWeek(), s.hourOfWeek() / 24 + 1, s.hourOfWeek() % 24,
                        s.interactions(), s.orders(), Percentages.of(s.orders(), s.interactions())))
                .toList();
    }
}
