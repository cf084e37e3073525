package io.lodestar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.customer.CityTier;

class WireNamesTest {

    @Test
    void wireNamesAreTheJsonNames() throws Exception {
        for (CityTier tier : CityTier.values()) {
            assertThat("\"" + WireNames.of(tier) + "\"")
                    .isEqualTo(LodestarJson.newObjectMapper().writeValueAsString(tier));
            assertThat(WireNames.parse(CityTier.class, WireNames.of(tier))).contains(tier);
        }
        assertThat(WireNames.of(Channel.MINI_PROGRAM)).isEqualTo("mini_program");
    }

    @Test
    void unknownOrMissingNamesParseToEmpty() {
        assertThat(WireNames.parse(CityTier.class, "TIER_1")).isEmpty();
        assertThat(WireNames.parse(CityTier.class, null)).isEmpty();
        assertThat(WireNames.all(CityTier.class)).containsExactly("tier-1", "new-tier-1", "tier-2", "tier-3-and-below");
    }
}
