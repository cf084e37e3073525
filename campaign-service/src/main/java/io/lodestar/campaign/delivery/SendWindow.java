package io.lodestar.campaign.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hours in which a customer may receive marketing, read on the customer's own wall clock: a local time range on
 * some days of the week. Campaigns hold a message until the window opens rather than waking people at 3 a.m. in their
 * own time zone, which is what a server-time check would do for customers abroad.
 *
 * <p>The range is {@code [start, end)}. When {@code end} is before {@code start} the window crosses midnight
 * (20:00–02:00), and such a window belongs to the day it <em>starts</em>: with {@code days = {FRIDAY}} it is open from
 * Friday 20:00 to Saturday 02:00. An {@code end} of {@link LocalTime#MAX} means "to the end of the day", so that
 * {@link #always()} has no one-nanosecond hole before midnight. {@code start == end} or no days means the window never
 * opens (use {@link #always()} for "any time").
 *
 * <p>Local times are what the clock shows, so on a DST change the window follows the wall clock: on a spring-forward
 * day a window starting inside the gap opens at the first valid instant after it (02:30 in Europe/Berlin on
 * 31 March 2024 opens at 03:00 CEST), and on a fall-back day a window whose hours repeat is open both times.
 *
 * <p>{@link #isOpen} does plain arithmetic on the instant's offset (no allocation), because the dispatcher asks it for
 * every customer; {@link #nextOpening} is only needed for the customers whose window is closed.
 */
public record SendWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long END_OF_DAY = LocalTime.MAX.toNanoOfDay();
    private static final DayOfWeek[] WEEKDAYS = DayOfWeek.values();
    /**
     * How many days {@link #nextOpening} looks ahead: every weekday twice and a day to spare, so that a window whose
     * only occurrence in a week falls entirely into a DST gap still finds the next week's.
     */
    private static final int SEARCH_DAYS = 16;

    private static final SendWindow ALWAYS =
            new SendWindow(LocalTime.MIDNIGHT, LocalTime.MAX, EnumSet.allOf(DayOfWeek.class));

    /**
     * Validates the fields and keeps an immutable copy of {@code days}.
     *
     * @throws IllegalArgumentException if a field is null or {@code days} contains null
     */
    public SendWindow {
        if (start == null) {
            throw new IllegalArgumentException("send window start must not be null");
        }
        if (end == null) {
            throw new IllegalArgumentException("send window end must not be null");
        }
        if (days == null) {
            throw new IllegalArgumentException("send window days must not be null (use an empty set for never)");
        }
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : days) {
            if (day == null) {
                throw new IllegalArgumentException("send window days must not contain null");
            }
            copy.add(day);
        }
        days = Collections.unmodifiableSet(copy);
    }

    /** Open at every instant of every day. */
    public static SendWindow always() {
        return ALWAYS;
    }

    /** The same hours on every day of the week. */
    public static SendWindow daily(LocalTime start, LocalTime end) {
        return new SendWindow(start, end, EnumSet.allOf(DayOfWeek.class));
    }

    /** Whether no instant can ever be inside this window: an empty time range or no days. */
    public boolean neverOpens() {
        return start.equals(end) || days.isEmpty();
    }

    /** Whether a message may be sent at {@code at} to a customer living in {@code zone}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        long localSeconds = at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
        long epochDay = Math.floorDiv(localSeconds, SECONDS_PER_DAY);
        long nanoOfDay = Math.floorMod(localSeconds, SECONDS_PER_DAY) * NANOS_PER_SECOND + at.getNano();
        return isOpenAt(epochDay, nanoOfDay);
    }

    /**
     * {@code from} itself when the window is open then, else the first instant after it at which the window opens.
     *
     * @throws IllegalStateException if the window {@linkplain #neverOpens() never opens}; check that first
     */
    public Instant nextOpening(Instant from, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(zone, "zone");
        if (neverOpens()) {
            throw new IllegalStateException("send window " + this + " never opens; check neverOpens() first");
        }
        if (isOpen(from, zone)) {
            return from;
        }
        ZoneRules rules = zone.getRules();
        LocalDate fromDay = LocalDate.ofInstant(from, zone);
        Instant best = null;
        // From the day before: on a fall-back day yesterday's crossing window may still reopen after from.
        for (int i = -1; i <= SEARCH_DAYS && best == null; i++) {
            LocalDate day = fromDay.plusDays(i);
            if (days.contains(day.getDayOfWeek())) {
                best = firstOpeningAtStart(day.atTime(start), rules, zone, from);
            }
        }
        // A jump of the wall clock can also open the window without passing its start time: falling back from
        // 03:00 to 02:00 into a window 01:00–02:30, or a zone skipping a day. The window can only open at a
        // transition's instant then, so those are the only other candidates.
        Instant horizon = from.plus(Duration.ofDays(SEARCH_DAYS));
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(best == null ? horizon : best)) {
            if (isOpen(transition.getInstant(), zone)) {
                best = transition.getInstant();
                break;
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        if (best == null) {
            throw new IllegalStateException("send window " + this + " does not open within " + SEARCH_DAYS
                    + " days of " + from + " in " + zone);
        }
        return best;
    }

    /**
     * The first instant after {@code from} at which the local date-time {@code local} (a start time on an allowed day)
     * opens the window, or null. A start inside a DST gap opens when the gap ends; a start inside an overlap happens
     * twice, and the earlier occurrence still after {@code from} wins.
     */
    private Instant firstOpeningAtStart(LocalDateTime local, ZoneRules rules, ZoneId zone, Instant from) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            Instant gapEnd = rules.getTransition(local).getInstant();
            // The gap can swallow the whole window (02:10–02:50 on a 02:00→03:00 day): then it does not open that day.
            return gapEnd.isAfter(from) && isOpen(gapEnd, zone) ? gapEnd : null;
        }
        // getValidOffsets lists an overlap's earlier (summer) offset first, which is the earlier instant.
        for (ZoneOffset offset : offsets) {
            Instant candidate = local.toInstant(offset);
            if (candidate.isAfter(from) && isOpen(candidate, zone)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean isOpenAt(long epochDay, long nanoOfDay) {
        long from = start.toNanoOfDay();
        long to = end.toNanoOfDay();
        if (from < to) {
            return nanoOfDay >= from && (nanoOfDay < to || to == END_OF_DAY) && days.contains(weekday(epochDay));
        }
        if (from == to) {
            return false;
        }
        // Crossing midnight: the evening part belongs to today, the early-morning part to the day it started.
        if (nanoOfDay >= from) {
            return days.contains(weekday(epochDay));
        }
        return nanoOfDay < to && days.contains(weekday(epochDay - 1));
    }

    /** The weekday of an epoch day without building a LocalDate (1970-01-01 was a Thursday). */
    private static DayOfWeek weekday(long epochDay) {
        return WEEKDAYS[(int) Math.floorMod(epochDay + 3, 7L)];
    }
}
