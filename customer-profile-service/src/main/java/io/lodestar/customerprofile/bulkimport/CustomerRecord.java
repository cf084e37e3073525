package io.lodestar.customerprofile.bulkimport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;

/**
 * One valid customer row of an import. Phone and e-mail are carried in clear only until the job turns them
 * into identity keys; {@link #toString()} masks them so that they never reach a log.
 *
 * @param age        whole years: from the birth date when there is one (as of the import date), else the
 *                   row's age, else the import's median age when imputed
 * @param ageImputed the age is the import's median, not the customer's
 */
public record CustomerRecord(long line, String customerId, Gender gender, LocalDate birthDate, Integer age,
        boolean ageImputed, String city, String province, String region, CityTier cityTier,
        MemberTier memberTier, Instant registeredAt, Channel registrationChannel, String phone, String email)
        implements ImportRecord {

    /** This record with the import's median age, flagged as imputed. */
    public CustomerRecord withImputedAge(int medianAge) {
        return new CustomerRecord(line, customerId, gender, birthDate, medianAge, true, city, province, region,
                cityTier, memberTier, registeredAt, registrationChannel, phone, email);
    }

    /** Neither an age nor a birth date: the median imputer's candidates. */
    public boolean ageMissing() {
        return age == null && birthDate == null;
    }

    @Override
    public List<String> normalisedValues() {
        return Arrays.asList(customerId, wire(gender), birthDate == null ? null : birthDate.toString(),
                ageImputed || age == null ? null : age.toString(), city, province, region, wire(cityTier),
                wire(memberTier), registeredAt == null ? null : registeredAt.toString(), wire(registrationChannel),
                phone, email);
    }

    @Override
    public String toString() {
        return "CustomerRecord[line=" + line + ", customerId=" + customerId + ", age=" + age + ", ageImputed="
                + ageImputed + ", phone=" + (phone == null ? null : "***") + ", email="
                + (email == null ? null : "***") + "]";
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : WireNames.of(value);
    }
}
