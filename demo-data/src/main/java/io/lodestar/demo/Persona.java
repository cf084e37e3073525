package io.lodestar.demo;

/**
 * How a demo customer shops. The mix gives every later feature something to find: loyal repurchasers and
 * high-value customers for RFM, a churning cohort for the early warning, first-time buyers without a second order for
 * the win-back journey, browsers who abandon carts for the funnel.
 */
enum Persona {
    /** Repurchases their consumables on cycle, buys durables now and then. */
    LOYAL(12, 8),
    /** Repurchases, skipping every other cycle on average. */
    REGULAR(28, 5),
    /** A purchase every two to five months, any category. */
    OCCASIONAL(26, 2),
    /** Bought regularly, then stopped 100–240 days before the demo's day: the churning cohort. */
    CHURNING(12, 0),
    /** One first purchase 16–45 days ago and no second: what the win-back journey is for. */
    ONE_TIME(10, 2),
    /** Registered in the last two months, a few orders already. */
    NEW_ACTIVE(6, 6),
    /** Browses and fills carts, never pays. */
    BROWSER(6, 8);

    /** Share of the customers, in percent. */
    final int percent;
    /** Browsing sessions in the 60 days before the demo's day, on average. */
    final int sessions;

    Persona(int percent, int sessions) {
        this.percent = percent;
        this.sessions = sessions;
    }
}
