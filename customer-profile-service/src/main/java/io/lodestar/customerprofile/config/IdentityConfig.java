package io.lodestar.customerprofile.config;

import io.smallrye.config.ConfigMapping;

/** Identity settings ({@code lodestar.identity.*}). */
@ConfigMapping(prefix = "lodestar.identity")
public interface IdentityConfig {

    /**
     * The secret key of the HMAC-SHA256 that turns phone numbers and e-mails into matching keys. Keep it in a
     * Secret and never change it casually: a new key makes every stored hash unmatchable.
     */
    String hashSecret();
}
