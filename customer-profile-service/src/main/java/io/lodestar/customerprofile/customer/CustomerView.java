package io.lodestar.customerprofile.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;

/**
 * A profile as the API shows it; {@code age} and {@code ageBand} are derived from the birth date today.
 *
 * @param mergedInto for a merged profile, the survivor to use instead
 */
public record CustomerView(
        String customerId,
        String status,
        String mergedInto,
        Gender gender,
        LocalDate birthDate,
        Integer age,
        String ageBand,
        String city,
        String province,
        String region,
        CityTier cityTier,
        String occupation,
        String incomeBand,
        Channel registrationChannel,
        Instant registeredAt,
        MemberTier memberTier,
        long points,
        String timeZone,
        Map<String, Object> attributes,
        Instant createdAt,
        Instant updatedAt) {
}
