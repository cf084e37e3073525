package io.lodestar.segmentation.alert;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hourly paid orders of a synthetic shop: a daily profile (quiet nights, busy afternoons, a peak in the evening), busier
 * weekends, and ±10% noise from a fixed seed; the same series at every run.
 */
final class SyntheticOrders {

    /** A Monday, 00:00 UTC: week 0 starts here. */
    static final Instant START = Instant.parse("2030-01-07T00:00:00Z");

    private SyntheticOrders() {
    }

    static List<HourlyValue> weeks(int weeks, long seed) {
        Random random = new Random(seed);
        List<HourlyValue> series = new ArrayList<>(weeks * 168);
        for (int h = 0; h < weeks * 168; h++) {
            Instant hour = START.plus(Duration.ofHours(h));
            double orders = Math.round(usual(hour) * (0.9 + 0.2 * random.nextDouble()));
            series.add(new HourlyValue(hour, orders, orders));
        }
        return series;
    }

    /** The expected orders of an hour, before noise. */
    static double usual(Instant hour) {
        var at = hour.atOffset(ZoneOffset.UTC);
        int h = at.getHour();
        double base = h < 7 ? 3 : h < 12 ? 40 : h < 19 ? 70 : 120;
        DayOfWeek day = at.getDayOfWeek();
        return base * (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1.3 : 1.0);
    }

    /** Week {@code week}, day {@code day} (0 = Monday), hour {@code hour} (UTC). */
    static Instant hour(int week, int day, int hour) {
        return START.plus(Duration.ofDays(7L * week + day)).plus(Duration.ofHours(hour));
    }

    /** The series with one hour's value (and volume) multiplied by {@code factor}. */
    static List<HourlyValue> planted(List<HourlyValue> series, Instant hour, double factor) {
        return series.stream().map(p -> p.hour().equals(hour)
                ? new HourlyValue(p.hour(), Math.round(p.value() * factor), Math.round(p.volume() * factor)) : p)
                .toList();
    }
}
