package io.lodestar.customerprofile.customer;

import io.lodestar.contracts.customer.AgeBand;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import io.lodestar.contracts.customer.Consent;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.customerprofile.consent.CustomerConsent;
import jakarta.enterprise.context.ApplicationScoped;

/** Request → entity, entity → view, entity → event: one method per conversion. */
@ApplicationScoped
public class CustomerMapper {

    private final Clock clock;

    public CustomerMapper() {
        this(Clock.systemUTC());
    }

    CustomerMapper(Clock clock) {
        this.clock = clock;
    }

    /** Copies every field of the request onto the entity (PUT replaces the profile). */
    public void apply(UpsertCustomerRequest request, Customer customer) {
        customer.gender = request.gender();
        customer.birthDate = request.birthDate();
        customer.city = request.city();
        customer.province = request.province();
        customer.region = request.region();
        customer.cityTier = request.cityTier();
        customer.occupation = request.occupation();
        customer.incomeBand = request.incomeBand();
        customer.registrationChannel = request.registrationChannel();
        customer.registeredAt = request.registeredAt();
        customer.memberTier = request.memberTier() == null ? MemberTier.NORMAL : request.memberTier();
        customer.points = request.points() == null ? 0 : request.points();
        customer.timeZone = request.timeZone();
        customer.attributes = request.attributes() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(request.attributes());
    }

    /** Copies onto {@code target} every attribute it lacks and {@code source} has (a merge keeps the survivor's). */
    public void fillGaps(Customer target, Customer source) {
        target.gender = target.gender != null ? target.gender : source.gender;
        target.birthDate = target.birthDate != null ? target.birthDate : source.birthDate;
        target.city = target.city != null ? target.city : source.city;
        target.province = target.province != null ? target.province : source.province;
        target.region = target.region != null ? target.region : source.region;
        target.cityTier = target.cityTier != null ? target.cityTier : source.cityTier;
        target.occupation = target.occupation != null ? target.occupation : source.occupation;
        target.incomeBand = target.incomeBand != null ? target.incomeBand : source.incomeBand;
        target.registrationChannel = target.registrationChannel != null ? target.registrationChannel
                : source.registrationChannel;
        // The earlier registration is the customer's real one.
        if (target.registeredAt == null || (source.registeredAt != null && source.registeredAt.isBefore(target.registeredAt))) {
            target.registeredAt = source.registeredAt;
        }
        if (source.memberTier != null && source.memberTier.ordinal() > target.memberTier.ordinal()) {
            target.memberTier = source.memberTier;
        }
        target.points = target.points + source.points;
        target.timeZone = target.timeZone != null ? target.timeZone : source.timeZone;
        LinkedHashMap<String, Object> attributes = new LinkedHashMap<>(source.attributes);
        attributes.putAll(target.attributes);
        target.attributes = attributes;
    }

    /** The request a stored profile would be re-sent as: two upserts are the same change iff these are equal. */
    public UpsertCustomerRequest toRequest(Customer c) {
        return new UpsertCustomerRequest(c.gender, c.birthDate, c.city, c.province, c.region, c.cityTier,
                c.occupation, c.incomeBand, c.registrationChannel, c.registeredAt, c.memberTier, c.points,
                c.timeZone, c.attributes);
    }

    public CustomerView toView(Customer c) {
        LocalDate today = LocalDate.now(clock);
        Integer age = c.birthDate == null ? null : AgeBand.age(c.birthDate, today);
        return new CustomerView(c.customerId, c.status, c.mergedInto, c.gender, c.birthDate, age,
                age == null ? null : AgeBand.of(age).label(), c.city, c.province, c.region, c.cityTier,
                c.occupation, c.incomeBand, c.registrationChannel, c.registeredAt, c.memberTier, c.points,
                c.timeZone, c.attributes, c.createdAt, c.updatedAt);
    }

    /** The full snapshot published on the compacted customers topic. */
    public CustomerUpserted toEvent(Customer c, List<CustomerConsent> consents, Instant at) {
        List<Consent> consentList = consents.stream()
                .map(x -> new Consent(x.channel(), x.granted, x.updatedAt, x.source, x.purpose))
                .toList();
        return new CustomerUpserted(c.customerId, c.gender, c.birthDate, c.city, c.province, c.region, c.cityTier,
                c.occupation, c.incomeBand, c.registrationChannel, c.registeredAt, c.memberTier, c.points,
                c.timeZone, consentList, c.attributes, at);
    }
}
