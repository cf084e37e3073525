package io.lodestar.customerprofile.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules of the orders feature ({@code lodestar.orders.*}). */
@ConfigMapping(prefix = "lodestar.orders")
public interface OrderConfig {

    /**
     * How far ahead of this service's clock a caller's timestamp ({@code placedAt}, {@code paidAt},
     * {@code refundedAt}, {@code cancelledAt}) may be, to allow for clock skew; a later one is refused with 400.
     */
    @WithDefault("5m")
    Duration futureTolerance();
}
