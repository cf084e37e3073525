package io.lodestar.platform.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every Redis key a service writes starts with one configured prefix ({@code lodestar.redis.key-prefix}), so
 * installations and test runs sharing a server never collide and can be cleaned with {@code SCAN MATCH prefix*}.
 */
@ConfigMapping(prefix = "lodestar.redis")
public interface RedisKeys {

    /** The prefix of every key, ending with a colon. */
    @WithDefault("lodestar:")
    String keyPrefix();

    /** {@code prefix + part1 + ":" + part2 …}, e.g. {@code key("tags", customerId)}. */
    default String key(String... parts) {
        return keyPrefix() + String.join(":", parts);
    }
}
