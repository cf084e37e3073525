package io.lodestar.recommendation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How interactions become the confidence weights models learn from ({@code lodestar.interactions.*}). Applied when a
 * model trains and when serving builds a customer's history, never stored, so a change needs no replay.
 */
@ConfigMapping(prefix = "lodestar.interactions")
public interface InteractionConfig {

    /**
     * Weight per interaction kind (a paid order ≫ cart ≫ favourite ≫ product view); an order's weight is per unit.
     * Refunds and "not interested" are negative: the customer told us something they do not want.
     */
    Weights weights();

    /** {@code lodestar.interactions.weights.<kind>}; an order's and a refund's weight is per unit. */
    interface Weights {
        @WithDefault("1")
        float productView();

        @WithDefault("1")
        float click();

        @WithDefault("1.5")
        float recommendationClick();

        @WithDefault("2")
        float share();

        @WithDefault("3")
        float favorite();

        @WithDefault("4")
        float addToCart();

        @WithDefault("-1")
        float removeFromCart();

        @WithDefault("10")
        float order();

        @WithDefault("-10")
        float refund();

        @WithDefault("-20")
        float notInterested();
    }

    /** Half-life of an interaction's weight: an interaction this old counts half. */
    @WithDefault("90d")
    Duration halfLife();

    /** Interactions older than this are not read at all (training and serving). */
    @WithDefault("730d")
    Duration horizon();

    /** Order units above this count as this many (a wholesale order of 500 mugs is not 500 times the interest). */
    @WithDefault("5")
    int maxUnitsPerOrderLine();

    /** How many of a customer's latest interactions serving reads per request. */
    @WithDefault("200")
    int servingHistoryLimit();
}
