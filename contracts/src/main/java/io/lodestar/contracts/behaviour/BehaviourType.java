package io.lodestar.contracts.behaviour;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.EnumSet;
import java.util.Set;

/** What a customer did on a touchpoint. */
public enum BehaviourType {
    @JsonProperty("page_view") PAGE_VIEW,
    @JsonProperty("product_view") PRODUCT_VIEW,
    @JsonProperty("search") SEARCH,
    @JsonProperty("click") CLICK,
    @JsonProperty("favorite") FAVORITE,
    @JsonProperty("add_to_cart") ADD_TO_CART,
    @JsonProperty("remove_from_cart") REMOVE_FROM_CART,
    @JsonProperty("checkout") CHECKOUT,
    @JsonProperty("share") SHARE,
    @JsonProperty("coupon_claim") COUPON_CLAIM,
    @JsonProperty("live_watch") LIVE_WATCH,
    @JsonProperty("recommendation_impression") RECOMMENDATION_IMPRESSION,
    @JsonProperty("recommendation_click") RECOMMENDATION_CLICK;

    private static final Set<BehaviourType> ABOUT_ONE_ITEM = EnumSet.of(PRODUCT_VIEW, FAVORITE, ADD_TO_CART,
            REMOVE_FROM_CART, RECOMMENDATION_IMPRESSION, RECOMMENDATION_CLICK);

    /**
     * Whether this behaviour is about one item, so a useful event carries {@code itemId}. Producers should
     * refuse such an event without one at their edge. The record does not enforce it, so that a consumer
     * that only counts behaviours (funnels) can still use an event that a recommender would skip.
     */
    public boolean requiresItem() {
        return ABOUT_ONE_ITEM.contains(this);
    }
}
