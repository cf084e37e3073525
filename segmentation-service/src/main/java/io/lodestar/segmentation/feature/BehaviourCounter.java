package io.lodestar.segmentation.feature;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * Which {@code customer_feature} counter each behaviour adds to. The one place that knows the mapping: the
 * incremental update and the rebuild from facts both take their column names from here, so they cannot drift.
 */
enum BehaviourCounter {
    PAGE_VIEWS(BehaviourType.PAGE_VIEW, "page_views"),
    PRODUCT_VIEWS(BehaviourType.PRODUCT_VIEW, "product_views"),
    SEARCHES(BehaviourType.SEARCH, "searches"),
    CLICKS(BehaviourType.CLICK, "clicks"),
    FAVORITES(BehaviourType.FAVORITE, "favorites"),
    CART_ADDS(BehaviourType.ADD_TO_CART, "cart_adds"),
    CART_REMOVES(BehaviourType.REMOVE_FROM_CART, "cart_removes"),
    CHECKOUTS(BehaviourType.CHECKOUT, "checkouts"),
    SHARES(BehaviourType.SHARE, "shares"),
    COUPON_CLAIMS(BehaviourType.COUPON_CLAIM, "coupon_claims"),
    LIVE_WATCHES(BehaviourType.LIVE_WATCH, "live_watches"),
    RECOMMENDATION_CLICKS(BehaviourType.RECOMMENDATION_CLICK, "recommendation_clicks");
    // Recommendation impressions have no counter: they are what the shop showed, not what the customer did.

    private final BehaviourType behaviour;
    private final String column;

    BehaviourCounter(BehaviourType behaviour, String column) {
        this.behaviour = behaviour;
        this.column = column;
    }

    String column() {
        return column;
    }

    static Optional<BehaviourCounter> of(BehaviourType behaviour) {
        return Arrays.stream(values()).filter(c -> c.behaviour == behaviour).findFirst();
    }

    /** {@code page_views, product_views, …}: every counter column, in declaration order, after {@code prefix}. */
    static String columns(String prefix) {
        return join(c -> prefix + c.column);
    }

    /** The counters as aggregates over {@code behaviour_event}, named as their columns. */
    static String countsOverBehaviourEvents() {
        return join(c -> "count(*) FILTER (WHERE behaviour = '" + WireNames.of(c.behaviour) + "') AS " + c.column);
    }

    /** {@code page_views = excluded.page_views, …}: the SET list of an upsert that replaces every counter. */
    static String replacedByExcluded() {
        return join(c -> c.column + " = excluded." + c.column);
    }

    private static String join(Function<BehaviourCounter, String> part) {
        return Arrays.stream(values()).map(part).collect(Collectors.joining(", "));
    }
}
