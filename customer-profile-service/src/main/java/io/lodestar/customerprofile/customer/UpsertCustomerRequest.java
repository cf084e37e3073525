package io.lodestar.customerprofile.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The whole profile as the caller knows it ({@code PUT} replaces it; an absent field is cleared). The same
 * limits are CHECK constraints in V1__customers.sql.
 *
 * @param timeZone   an IANA zone such as {@code Asia/Shanghai}, used for send windows
 * @param attributes installation-specific attributes, validated against the configured JSON Schema
 */
public record UpsertCustomerRequest(
        Gender gender,
        @Past LocalDate birthDate,
        @Size(max = 100) String city,
        @Size(max = 100) String province,
        @Size(max = 100) String region,
        CityTier cityTier,
        @Size(max = 100) String occupation,
        @Size(max = 50) String incomeBand,
        Channel registrationChannel,
        Instant registeredAt,
        MemberTier memberTier,
        @PositiveOrZero Long points,
        @Size(max = 64) String timeZone,
        @Size(max = 50) Map<String, Object> attributes) {
}
