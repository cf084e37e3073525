package io.lodestar.recommendation.config;

import java.time.Duration;
import java.util.Map;

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
    @WithDefault("product_view=1,click=1,recommendation_click=1.5,share=2,favorite=3,add_to_cart=4,"
            + "remove_from_cart=-1,order=10,refund=-10,not_interested=-20")
    Map<String, Float> weights();

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
