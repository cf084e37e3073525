package io.lodestar.customerprofile.customer;

import java.time.Instant;
import java.time.LocalDate;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.MemberTier;

/**
 * The filters of {@code GET /customers}, already parsed; null means "any". The age band arrives as a birth-date
 * range (computed for today), so the database can use its index.
 */
public record CustomerQuery(String afterCustomerId, CityTier cityTier, String region, MemberTier memberTier,
        Channel registrationChannel, Instant registeredFrom, Instant registeredTo, LocalDate bornOnOrAfter,
        LocalDate bornOnOrBefore) {
}
