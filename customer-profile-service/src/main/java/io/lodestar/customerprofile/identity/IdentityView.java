package io.lodestar.customerprofile.identity;

import java.time.Instant;

/**
 * An identity as the API shows it.
 *
 * @param value the id for opaque types; null for phone and e-mail, which are never returned
 * @param hash  for phone and e-mail: the start of the keyed hash, enough to tell two apart, useless to recover
 */
public record IdentityView(IdentityType type, String value, String hash, String customerId, String source,
        Instant linkedAt) {

    static IdentityView of(Identity identity) {
        boolean hashed = identity.type().hashed();
        return new IdentityView(identity.type(), hashed ? null : identity.value,
                hashed ? identity.value.substring(0, 12) + "…" : null, identity.customerId, identity.source,
                identity.linkedAt);
    }
}
