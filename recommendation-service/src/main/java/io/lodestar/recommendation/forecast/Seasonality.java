package io.lodestar.recommendation.forecast;

/** How the season combines with level and trend in {@link HoltWinters}. */
public enum Seasonality {
    /** demand = level + trend + season: the weekly swing is a fixed number of units. */
    ADDITIVE,
    /**
     * demand = (level + trend) × season: the weekly swing grows with the level. Needs positive demand in the first two
     * seasons.
     */
    MULTIPLICATIVE
}
