package io.lodestar.contracts.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestar.contracts.Channel;
import io.lodestar.contracts.internal.Copies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer profile was created or changed. Always a full snapshot, never a patch: the customers topic
 * is compacted, so the latest record per customer must stand on its own. Holds no contact data (phone
 * numbers and e-mails stay hashed inside the profile service).
 *
 * @param region     larger area than the province, e.g. {@code east-china}
 * @param incomeBand declared or inferred income band, e.g. {@code 10k-20k}
 * @param points     loyalty points balance
 * @param timeZone   IANA zone id, e.g. {@code Asia/Shanghai}, used for send windows
 * @param attributes open profile attributes that code does not branch on
 * @param updatedAt  when the profile last changed; consumers ignore a snapshot older than the one they hold
 */
public record CustomerUpserted(
        @JsonProperty(required = true) String customerId,
        Gender gender,
        LocalDate birthDate,
        String city,
        String province,
        String region,
        CityTier cityTier,
        String occupation,
        String incomeBand,
        Channel registrationChannel,
        Instant registeredAt,
        MemberTier memberTier,
        Long points,
        String timeZone,
        List<Consent> consents,
        Map<String, Object> attributes,
        @JsonProperty(required = true) Instant updatedAt) {

    public CustomerUpserted {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        consents = Copies.optionalList(consents, "consents");
        attributes = Copies.optionalMap(attributes);
    }
}
