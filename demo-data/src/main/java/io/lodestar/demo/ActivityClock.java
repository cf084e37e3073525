package io.lodestar.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

/**
 * When in a day the demo shop's customers are active, in the shop's time zone: weekday evenings (19–22 h) and
 * weekend mornings (9–11 h) are the peaks, the night is quiet.
 */
final class ActivityClock {

    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    //                                 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18  19  20  21  22 23
    private static final int[] WEEKDAY = {2, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 6, 6, 4, 4, 4, 5, 6, 14, 16, 16, 12, 5};
    private static final int[] WEEKEND = {3, 2, 1, 1, 1, 1, 2, 4, 8, 14, 16, 14, 8, 7, 6, 6, 6, 6, 7, 8, 8, 8, 6, 4};

    private ActivityClock() {
    }

    /** A moment of the day, drawn by the hour weights of its weekday. */
    static Instant at(LocalDate day, Random random) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int hour = Draw.index(weekend ? WEEKEND : WEEKDAY, random);
        return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(SHOP_ZONE).toInstant();
    }
}
