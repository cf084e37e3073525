package io.lodestar.recommendation.trend;

/**
 * What each kind of event adds to an item's heat. An order says more about demand than a cart, and a cart more than a
 * view, so the defaults are 1 / 3 / 5.
 *
 * @param view  heat per view, not negative
 * @param cart  heat per add-to-cart, not negative
 * @param order heat per order, not negative
 */
public record HeatWeights(double view, double cart, double order) {

    public static final HeatWeights DEFAULT = new HeatWeights(1, 3, 5);

    public HeatWeights {
        if (!(view >= 0 && cart >= 0 && order >= 0) || !Double.isFinite(view + cart + order)) {
            throw new IllegalArgumentException("heat weights must be finite and not negative");
        }
        if (view + cart + order == 0) {
            throw new IllegalArgumentException("at least one heat weight must be positive");
        }
    }

    /** The heat of one window's counts. */
    public double heat(EventCounts counts) {
        return view * counts.views() + cart * counts.carts() + order * counts.orders();
    }
}
