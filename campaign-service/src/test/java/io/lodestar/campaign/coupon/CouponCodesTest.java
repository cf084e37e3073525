package io.lodestar.campaign.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CouponCodesTest {

    @Test
    void theSameMessageAlwaysGetsTheSameCode() {
        assertThat(CouponCodes.forKey("campaign:run-1:c1")).isEqualTo(CouponCodes.forKey("campaign:run-1:c1"));
    }

    @Test
    void codesAreDistinctReadableAndTwelveCharactersLong() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = CouponCodes.forKey("campaign:run-1:c" + i);
            assertThat(code).hasSize(12).matches("LS[0-9A-Z]{10}");
            assertThat(code.substring(2)).as("no I, L, O or U to misread").doesNotContain("I", "L", "O", "U");
            codes.add(code);
        }
        assertThat(codes).hasSize(100_000);
    }
}
