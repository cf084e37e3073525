package io.lodestar.recommendation.training;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a category sells, learned from the interactions: for each category and hour of the week (168 slots in the
 * shop's time zone), the lift = the category's share of that slot's interactions ÷ its share of all interactions
 * (snacks on weekday evenings score above 1 then, mornings below). Serving multiplies a candidate's score by
 * {@code lift^0.5}, clipped to [0.8, 1.25], so the time of day reorders close calls without overriding taste.
 *
 * <p>Counts are smoothed towards the overall rate (additive prior of {@link #PRIOR} interactions), and categories with
 * fewer than {@link #MIN_INTERACTIONS} interactions get no profile: noise would otherwise look like a pattern.
 */
public final class HourOfWeekLift {

    public static final int SLOTS = 7 * 24;
    static final int MIN_INTERACTIONS = 200;
    static final double PRIOR = 20;
    private static final double DAMPING = 0.5;
    private static final double MIN_BOOST = 0.8;
    private static final double MAX_BOOST = 1.25;
    private static final HourOfWeekLift NONE = new HourOfWeekLift(Map.of());

    private final Map<String, float[]> liftByCategory;

    private HourOfWeekLift(Map<String, float[]> liftByCategory) {
        this.liftByCategory = liftByCategory;
    }

    public static HourOfWeekLift none() {
        return NONE;
    }

    /** Restores stored lifts (category → 168 values). */
    public static HourOfWeekLift restore(Map<String, float[]> liftByCategory) {
        liftByCategory.forEach((category, lifts) -> {
            if (lifts.length != SLOTS) {
                throw new IllegalArgumentException("category " + category + ": " + lifts.length + " slots, not 168");
            }
        });
        return new HourOfWeekLift(Map.copyOf(liftByCategory));
    }

    /**
     * Learns the lifts from interaction counts per category (rows, named by {@code categories}) and slot (columns).
     */
    public static HourOfWeekLift learn(long[][] counts, List<String> categories) {
        long[] perSlot = new long[SLOTS];
        long total = 0;
        for (long[] row : counts) {
            for (int slot = 0; slot < SLOTS; slot++) {
                perSlot[slot] += row[slot];
                total += row[slot];
            }
        }
        Map<String, float[]> lifts = new HashMap<>();
        for (int c = 0; c < counts.length; c++) {
            long categoryTotal = 0;
            for (long n : counts[c]) {
                categoryTotal += n;
            }
            if (categoryTotal < MIN_INTERACTIONS) {
                continue;
            }
            double share = (double) categoryTotal / total;
            float[] lift = new float[SLOTS];
            for (int slot = 0; slot < SLOTS; slot++) {
                // Smoothed share of the category in this slot, divided by its overall share.
                double slotShare = (counts[c][slot] + PRIOR * share) / (perSlot[slot] + PRIOR);
                lift[slot] = (float) (slotShare / share);
            }
            lifts.put(categories.get(c), lift);
        }
        return new HourOfWeekLift(Map.copyOf(lifts));
    }

    /** The slot of an instant in a time zone: Monday 00:00–00:59 is 0, Sunday 23:00–23:59 is 167. */
    public static int slot(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + local.getHour();
    }

    /** The multiplier for a category's items in a slot; 1 when the category has no profile. */
    public double boost(String category, int slot) {
        float[] lift = category == null ? null : liftByCategory.get(category);
        if (lift == null) {
            return 1;
        }
        return Math.max(MIN_BOOST, Math.min(MAX_BOOST, Math.pow(lift[slot], DAMPING)));
    }

    /** The stored form: category → 168 lifts. */
    public Map<String, float[]> lifts() {
        return liftByCategory;
    }
}
