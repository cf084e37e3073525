package io.lodestar.customerprofile.customer;

/** The profile after an upsert, and whether the upsert created it (201) or updated it (200). */
public record UpsertResult(CustomerView customer, boolean created) {
}
