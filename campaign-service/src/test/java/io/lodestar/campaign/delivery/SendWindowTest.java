package io.lodestar.campaign.delivery;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected instants are worked out by hand from the zone's offset: Asia/Shanghai is UTC+8 all year; Europe/Berlin is
 * UTC+1 (CET) and UTC+2 (CEST) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October;
 * America/New_York is UTC-5 / UTC-4 (from 07:00 UTC on the second Sunday of March to 06:00 UTC on the first Sunday of
 * November); America/Los_Angeles is UTC-8 in early March 2024. 4 March 2024 is a Monday.
 */
class SendWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final SendWindow OFFICE_HOURS = new SendWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), WEEKDAYS);

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Nested
    class Validation {

        @Test
        void refusesNullFieldsWithTheirName() {
            assertThatIllegalArgumentException().isThrownBy(() -> new SendWindow(null, LocalTime.NOON, WEEKDAYS))
                    .withMessage("send window start must not be null");
            assertThatIllegalArgumentException().isThrownBy(() -> new SendWindow(LocalTime.NOON, null, WEEKDAYS))
                    .withMessage("send window end must not be null");
            assertThatIllegalArgumentException().isThrownBy(() -> new SendWindow(LocalTime.NOON, LocalTime.MAX, null))
                    .withMessageStartingWith("send window days must not be null");
            Set<DayOfWeek> withNull = new HashSet<>();
            withNull.add(MONDAY);
            withNull.add(null);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SendWindow(LocalTime.NOON, LocalTime.MAX, withNull))
                    .withMessage("send window days must not contain null");
        }

        @Test
        void keepsItsOwnImmutableCopyOfTheDays() {
            Set<DayOfWeek> days = EnumSet.of(MONDAY);
            SendWindow window = new SendWindow(LocalTime.NOON, LocalTime.MAX, days);
            days.add(TUESDAY);

            assertThat(window.days()).containsExactly(MONDAY);
            assertThat(window).isEqualTo(new SendWindow(LocalTime.NOON, LocalTime.MAX, Set.of(MONDAY)));
        }
    }

    @Nested
    class NeverAndAlways {

        @Test
        void anEmptyRangeOrNoDaysNeverOpens() {
            SendWindow emptyRange = SendWindow.daily(LocalTime.of(9, 0), LocalTime.of(9, 0));
            SendWindow noDays = new SendWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), Set.of());

            assertThat(emptyRange.neverOpens()).isTrue();
            assertThat(noDays.neverOpens()).isTrue();
            assertThat(OFFICE_HOURS.neverOpens()).isFalse();
            assertThat(emptyRange.isOpen(at("2024-03-04T01:00:00Z"), SHANGHAI)).isFalse();
            assertThat(noDays.isOpen(at("2024-03-04T04:00:00Z"), SHANGHAI)).isFalse();
            assertThatIllegalStateException().isThrownBy(() -> noDays.nextOpening(at("2024-03-04T04:00:00Z"), SHANGHAI))
                    .withMessageContaining("never opens");
        }

        @Test
        void alwaysIsOpenToTheLastNanosecondOfTheDay() {
            SendWindow always = SendWindow.always();

            assertThat(always.neverOpens()).isFalse();
            // 15:59:59.999999999 UTC is 23:59:59.999999999 in Shanghai; 16:00 UTC is local midnight.
            assertThat(always.isOpen(at("2024-06-01T15:59:59.999999999Z"), SHANGHAI)).isTrue();
            assertThat(always.isOpen(at("2024-06-01T16:00:00Z"), SHANGHAI)).isTrue();
            Instant from = at("2024-03-31T01:30:00Z");
            assertThat(always.nextOpening(from, BERLIN)).isSameAs(from);
        }
    }

    @Nested
    class SameDayWindow {

        @Test
        void startIsIncludedAndEndIsNot() {
            // Monday 4 March 2024 in Shanghai: 09:00 local = 01:00 UTC, 21:00 local = 13:00 UTC.
            assertThat(OFFICE_HOURS.isOpen(at("2024-03-04T00:59:59Z"), SHANGHAI)).isFalse();
            assertThat(OFFICE_HOURS.isOpen(at("2024-03-04T01:00:00Z"), SHANGHAI)).isTrue();
            assertThat(OFFICE_HOURS.isOpen(at("2024-03-04T12:59:59.999Z"), SHANGHAI)).isTrue();
            assertThat(OFFICE_HOURS.isOpen(at("2024-03-04T13:00:00Z"), SHANGHAI)).isFalse();
        }

        @Test
        void nextOpeningIsFromItselfWhenOpen() {
            Instant from = at("2024-03-04T02:00:00Z");

            assertThat(OFFICE_HOURS.nextOpening(from, SHANGHAI)).isSameAs(from);
        }

        @Test
        void nextOpeningIsTodaysStartBeforeItAndTheNextAllowedDayAfterIt() {
            // Monday 07:00 local → Monday 09:00 local.
            assertThat(OFFICE_HOURS.nextOpening(at("2024-03-03T23:00:00Z"), SHANGHAI))
                    .isEqualTo(at("2024-03-04T01:00:00Z"));
            // Monday 21:00 local (closed, end excluded) → Tuesday 09:00.
            assertThat(OFFICE_HOURS.nextOpening(at("2024-03-04T13:00:00Z"), SHANGHAI))
                    .isEqualTo(at("2024-03-05T01:00:00Z"));
            // Friday 8 March 22:00 local and Saturday noon → Monday 11 March 09:00.
            assertThat(OFFICE_HOURS.nextOpening(at("2024-03-08T14:00:00Z"), SHANGHAI))
                    .isEqualTo(at("2024-03-11T01:00:00Z"));
            assertThat(OFFICE_HOURS.nextOpening(at("2024-03-09T04:00:00Z"), SHANGHAI))
                    .isEqualTo(at("2024-03-11T01:00:00Z"));
        }
    }

    @Nested
    class AcrossMidnight {

        /** Friday evenings: open from Friday 20:00 to Saturday 02:00. */
        private final SendWindow fridayNight = new SendWindow(LocalTime.of(20, 0), LocalTime.of(2, 0), Set.of(FRIDAY));

        @Test
        void belongsToTheDayItStarts() {
            // Shanghai local times: Fri 8 March 19:59, 20:00, Sat 9 March 01:30, 02:00, 20:30.
            assertThat(fridayNight.isOpen(at("2024-03-08T11:59:00Z"), SHANGHAI)).isFalse();
            assertThat(fridayNight.isOpen(at("2024-03-08T12:00:00Z"), SHANGHAI)).isTrue();
            assertThat(fridayNight.isOpen(at("2024-03-08T17:30:00Z"), SHANGHAI)).isTrue();
            assertThat(fridayNight.isOpen(at("2024-03-08T18:00:00Z"), SHANGHAI)).isFalse();
            assertThat(fridayNight.isOpen(at("2024-03-09T12:30:00Z"), SHANGHAI)).isFalse();
            // Friday 01:00 local is the tail of Thursday's window, and Thursday is not a window day.
            assertThat(fridayNight.isOpen(at("2024-03-07T17:00:00Z"), SHANGHAI)).isFalse();
        }

        @Test
        void opensAgainAtTheNextStartingDay() {
            // Saturday 03:00 local → Friday 15 March 20:00 local.
            assertThat(fridayNight.nextOpening(at("2024-03-08T19:00:00Z"), SHANGHAI))
                    .isEqualTo(at("2024-03-15T12:00:00Z"));
            // Friday 01:00 local (Thursday's tail, closed) → the same Friday 20:00.
            assertThat(fridayNight.nextOpening(at("2024-03-07T17:00:00Z"), SHANGHAI))
                    .isEqualTo(at("2024-03-08T12:00:00Z"));
        }

        @Test
        void aFallBackNightIsAnHourLonger() {
            // New York falls back on Sunday 3 November 2024 at 06:00 UTC (02:00 EDT → 01:00 EST).
            SendWindow nights = SendWindow.daily(LocalTime.of(20, 0), LocalTime.of(2, 0));

            assertThat(nights.isOpen(at("2024-11-03T00:00:00Z"), NEW_YORK)).isTrue();   // Sat 20:00 EDT
            assertThat(nights.isOpen(at("2024-11-03T05:30:00Z"), NEW_YORK)).isTrue();   // 01:30 EDT
            assertThat(nights.isOpen(at("2024-11-03T06:30:00Z"), NEW_YORK)).isTrue();   // 01:30 EST, again
            assertThat(nights.isOpen(at("2024-11-03T07:00:00Z"), NEW_YORK)).isFalse();  // 02:00 EST
            // Next opening Sunday 20:00 EST = Monday 01:00 UTC.
            assertThat(nights.nextOpening(at("2024-11-03T07:00:00Z"), NEW_YORK)).isEqualTo(at("2024-11-04T01:00:00Z"));
        }
    }

    @Test
    void theSameInstantIsADifferentLocalDayInShanghaiAndLosAngeles() {
        // 2024-03-04T02:00Z is Monday 10:00 in Shanghai but Sunday 3 March 18:00 in Los Angeles.
        Instant instant = at("2024-03-04T02:00:00Z");

        assertThat(OFFICE_HOURS.isOpen(instant, SHANGHAI)).isTrue();
        assertThat(OFFICE_HOURS.isOpen(instant, LOS_ANGELES)).isFalse();
        assertThat(OFFICE_HOURS.nextOpening(instant, SHANGHAI)).isEqualTo(instant);
        // Monday 09:00 PST = 17:00 UTC.
        assertThat(OFFICE_HOURS.nextOpening(instant, LOS_ANGELES)).isEqualTo(at("2024-03-04T17:00:00Z"));
    }

    @Nested
    class DaylightSaving {

        @Test
        void aStartInsideTheSpringForwardGapOpensWhenTheGapEnds() {
            // Berlin, Sunday 31 March 2024: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:30 does not exist.
            SendWindow window = SendWindow.daily(LocalTime.of(2, 30), LocalTime.of(5, 0));

            assertThat(window.isOpen(at("2024-03-31T00:59:59Z"), BERLIN)).isFalse(); // 01:59:59 CET
            assertThat(window.isOpen(at("2024-03-31T01:00:00Z"), BERLIN)).isTrue();  // 03:00 CEST
            // From Sunday 00:00 CET: opens at 03:00 CEST, not at 03:30 (a naive "shift by the gap").
            assertThat(window.nextOpening(at("2024-03-30T23:00:00Z"), BERLIN)).isEqualTo(at("2024-03-31T01:00:00Z"));
            // On the Saturday before (CET) and the Monday after (CEST) 02:30 exists.
            assertThat(window.nextOpening(at("2024-03-29T23:00:00Z"), BERLIN)).isEqualTo(at("2024-03-30T01:30:00Z"));
            assertThat(window.nextOpening(at("2024-03-31T04:00:00Z"), BERLIN)).isEqualTo(at("2024-04-01T00:30:00Z"));
        }

        @Test
        void aWindowSwallowedByTheGapOpensTheNextTimeItExists() {
            SendWindow sundayEarly = new SendWindow(LocalTime.of(2, 10), LocalTime.of(2, 50), Set.of(SUNDAY));

            // Sunday 7 April 02:10 CEST = 00:10 UTC.
            assertThat(sundayEarly.nextOpening(at("2024-03-30T23:00:00Z"), BERLIN))
                    .isEqualTo(at("2024-04-07T00:10:00Z"));
        }

        @Test
        void aMorningAfterSpringForwardIsOneHourCloserInUtc() {
            SendWindow mornings = SendWindow.daily(LocalTime.of(9, 0), LocalTime.of(17, 0));

            // Saturday 18:00 CET (17:00 UTC) → Sunday 09:00 CEST (07:00 UTC): 14 hours, not 15.
            assertThat(mornings.nextOpening(at("2024-03-30T17:00:00Z"), BERLIN)).isEqualTo(at("2024-03-31T07:00:00Z"));
        }

        @Test
        void repeatedHoursOnAFallBackDayAreOpenBothTimes() {
            // Berlin, Sunday 27 October 2024: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
            SendWindow window = SendWindow.daily(LocalTime.of(2, 30), LocalTime.of(4, 0));

            assertThat(window.nextOpening(at("2024-10-27T00:00:00Z"), BERLIN))
                    .isEqualTo(at("2024-10-27T00:30:00Z"));                              // 02:30 CEST
            assertThat(window.isOpen(at("2024-10-27T00:45:00Z"), BERLIN)).isTrue();    // 02:45 CEST
            assertThat(window.isOpen(at("2024-10-27T01:15:00Z"), BERLIN)).isFalse();   // 02:15 CET
            assertThat(window.nextOpening(at("2024-10-27T01:15:00Z"), BERLIN))
                    .isEqualTo(at("2024-10-27T01:30:00Z"));                              // 02:30 CET
        }

        @Test
        void fallingBackIntoAWindowOpensItAtTheTransition() {
            SendWindow window = SendWindow.daily(LocalTime.of(1, 0), LocalTime.of(2, 30));

            // 02:45 CEST is closed; at 01:00 UTC the clock shows 02:00 CET again, inside the window until 02:30 CET.
            assertThat(window.nextOpening(at("2024-10-27T00:45:00Z"), BERLIN)).isEqualTo(at("2024-10-27T01:00:00Z"));
            assertThat(window.isOpen(at("2024-10-27T01:29:59Z"), BERLIN)).isTrue();
            assertThat(window.isOpen(at("2024-10-27T01:30:00Z"), BERLIN)).isFalse();
        }

        @Test
        void newYorkSpringForwardOpensAtThreeEdt() {
            // New York, Sunday 10 March 2024: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
            SendWindow window = SendWindow.daily(LocalTime.of(2, 0), LocalTime.of(3, 30));
            SendWindow crossing = SendWindow.daily(LocalTime.of(2, 30), LocalTime.of(1, 0));

            assertThat(window.nextOpening(at("2024-03-10T06:00:00Z"), NEW_YORK)).isEqualTo(at("2024-03-10T07:00:00Z"));
            assertThat(window.isOpen(at("2024-03-10T07:29:59Z"), NEW_YORK)).isTrue();  // 03:29:59 EDT
            assertThat(window.isOpen(at("2024-03-10T07:30:00Z"), NEW_YORK)).isFalse(); // 03:30 EDT
            // 01:30 EST is between the crossing window's end (01:00) and its start (02:30, in the gap).
            assertThat(crossing.isOpen(at("2024-03-10T06:30:00Z"), NEW_YORK)).isFalse();
            assertThat(crossing.nextOpening(at("2024-03-10T06:30:00Z"), NEW_YORK))
                    .isEqualTo(at("2024-03-10T07:00:00Z"));
        }

        @Test
        void shanghaiHasNoTransitions() {
            SendWindow window = SendWindow.daily(LocalTime.of(2, 30), LocalTime.of(5, 0));

            // Sunday 31 March 02:30 in Shanghai is 30 March 18:30 UTC, as on any other day.
            assertThat(window.nextOpening(at("2024-03-30T16:00:00Z"), SHANGHAI)).isEqualTo(at("2024-03-30T18:30:00Z"));
        }
    }
}
