package io.lodestar.recommendation.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a {@link TrendRule} to the heat of many items.
 *
 * <p>An item is trending when its current heat is at least the rule's minimum and either it had no heat in the previous
 * window (a new item, reported with growth {@link Trending#NEW_ITEM_GROWTH}) or its heat grew by at least the threshold.
 * The comparison forgives a relative rounding error of 10⁻⁹, so 10 → 13 is exactly +30 %.
 *
 * <p>Results are sorted by growth, then heat (both descending), then item id, so the order is fully deterministic.
 */
public final class TrendDetector {

    /** Absorbs floating-point rounding in the growth ratio (10 × 1.3 is not exactly 13 in binary). */
    private static final double ROUNDING_TOLERANCE = 1e-9;

    private static final Comparator<Trending> STRONGEST_FIRST = Comparator.comparingDouble(Trending::growth).reversed()
            .thenComparing(Comparator.comparingDouble(Trending::heat).reversed())
            .thenComparing(Trending::itemId);

    private final TrendRule rule;

    public TrendDetector(TrendRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The trending items among {@code heatByItem}, strongest first. */
    public List<Trending> detect(Map<String, ItemHeat> heatByItem) {
        return detect(heatByItem, Set.of());
    }

    /**
     * The trending items among {@code heatByItem} that were not already reported, strongest first.
     *
     * @param alreadyReported items published earlier in the current window: they are not reported twice while the window
     *                        lasts (the caller clears the set when the window moves on)
     */
    public List<Trending> detect(Map<String, ItemHeat> heatByItem, Set<String> alreadyReported) {
        Objects.requireNonNull(alreadyReported, "alreadyReported");
        List<Trending> trending = new ArrayList<>();
        for (Map.Entry<String, ItemHeat> entry : heatByItem.entrySet()) {
            if (alreadyReported.contains(entry.getKey())) {
                continue;
            }
            double heat = rule.weights().heat(entry.getValue().current());
            double previousHeat = rule.weights().heat(entry.getValue().previous());
            if (heat < rule.minimumHeat() || heat == 0) {
                continue;
            }
            if (previousHeat == 0) {
                trending.add(new Trending(entry.getKey(), heat, 0, Trending.NEW_ITEM_GROWTH));
                continue;
            }
            double growth = (heat - previousHeat) / previousHeat;
            if (growth >= rule.growthThreshold() * (1 - ROUNDING_TOLERANCE)) {
                trending.add(new Trending(entry.getKey(), heat, previousHeat, growth));
            }
        }
        trending.sort(STRONGEST_FIRST);
        return List.copyOf(trending);
    }
}
