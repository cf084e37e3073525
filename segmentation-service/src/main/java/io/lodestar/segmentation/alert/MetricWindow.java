package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.List;

/** A metric aggregated over a window of whole hours: summed, or volume-weighted for a ratio. */
public record MetricWindow(double value, double volume) {

    /** The hours of {@code series} in {@code [from, to)}; an hour missing from the series is zero. */
    public static MetricWindow of(List<HourlyValue> series, Instant from, Instant to, boolean ratio) {
        double value = 0;
        double volume = 0;
        for (HourlyValue point : series) {
            if (!point.hour().isBefore(from) && point.hour().isBefore(to)) {
                value += ratio ? point.value() * point.volume() : point.value();
                volume += point.volume();
            }
        }
        return new MetricWindow(ratio ? (volume == 0 ? 0 : value / volume) : value, volume);
    }
}
