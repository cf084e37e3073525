package io.lodestar.recommendation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HourOfWeekLiftTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void slotsCountHoursFromMondayMidnightInTheShopsTimeZone() {
        assertThat(HourOfWeekLift.slot(Instant.parse("2026-06-01T00:30:00Z"), ZoneId.of("UTC"))).isZero(); // Monday
        // 2026-06-07 is a Sunday: 15:30 UTC is 23:30 in Shanghai, the last slot of the week.
        assertThat(HourOfWeekLift.slot(Instant.parse("2026-06-07T15:30:00Z"), SHANGHAI)).isEqualTo(167);
    }

    @Test
    void aCategoryThatSellsOnWeekdayEveningsIsLiftedThenAndDampedInTheMorning() {
        long[][] counts = new long[2][HourOfWeekLift.SLOTS];
        for (int slot = 0; slot < HourOfWeekLift.SLOTS; slot++) {
            counts[1][slot] = 10; // the rest of the shop, flat
            counts[0][slot] = 5;
        }
        int tuesdayEvening = 24 + 20;
        int tuesdayMorning = 24 + 8;
        counts[0][tuesdayEvening] = 60;
        counts[0][tuesdayMorning] = 0;

        HourOfWeekLift lift = HourOfWeekLift.learn(counts, List.of("snacks", "other"));

        assertThat(lift.boost("snacks", tuesdayEvening)).isEqualTo(1.25); // lift well above 1.56: clipped
        assertThat(lift.boost("snacks", tuesdayMorning)).isLessThan(1.0).isGreaterThanOrEqualTo(0.8);
        assertThat(lift.boost("other", tuesdayEvening)).isLessThan(1.0); // its share shrinks when snacks peak
        assertThat(lift.boost("unknown", tuesdayEvening)).isEqualTo(1.0);
    }

    @Test
    void smallCategoriesGetNoProfileBecauseTheirPatternWouldBeNoise() {
        long[][] counts = new long[2][HourOfWeekLift.SLOTS];
        counts[0][3] = HourOfWeekLift.MIN_INTERACTIONS - 1;
        counts[1][5] = 10_000;
        HourOfWeekLift lift = HourOfWeekLift.learn(counts, List.of("rare", "common"));
        assertThat(lift.lifts()).containsOnlyKeys("common");
        assertThat(lift.boost("rare", 3)).isEqualTo(1.0);
    }

    @Test
    void restoreRefusesProfilesWithoutOneValuePerHourOfTheWeek() {
        assertThatThrownBy(() -> HourOfWeekLift.restore(Map.of("x", new float[24])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
