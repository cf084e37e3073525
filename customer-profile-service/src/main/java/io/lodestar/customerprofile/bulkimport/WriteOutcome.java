package io.lodestar.customerprofile.bulkimport;

/** What writing one imported record did: a change (published), or nothing because it was already so. */
public enum WriteOutcome {
    WRITTEN, UNCHANGED
}
