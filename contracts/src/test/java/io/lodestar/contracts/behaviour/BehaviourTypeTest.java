package io.lodestar.contracts.behaviour;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviourTypeTest {

    @Test
    void onlyBehavioursAboutOneItemRequireAnItem() {
        assertThat(Arrays.stream(BehaviourType.values()).filter(BehaviourType::requiresItem))
                .containsExactlyInAnyOrderElementsOf(EnumSet.of(BehaviourType.PRODUCT_VIEW, BehaviourType.FAVORITE,
                        BehaviourType.ADD_TO_CART, BehaviourType.REMOVE_FROM_CART,
                        BehaviourType.RECOMMENDATION_IMPRESSION, BehaviourType.RECOMMENDATION_CLICK));
    }
}
