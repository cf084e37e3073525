package io.lodestar.customerprofile.identity;

/** The identity after linking, and whether this request created the link (201) or found it (200). */
public record LinkResult(IdentityView identity, boolean created) {
}
