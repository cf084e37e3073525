package io.lodestar.customerprofile.identity;

/** Whom an identity belongs to. */
public record ResolvedIdentity(IdentityType type, String customerId) {
}
