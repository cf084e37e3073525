package io.lodestar.customerprofile.bulkimport;

import io.lodestar.contracts.customer.AgeBand;
import static io.lodestar.customerprofile.bulkimport.CustomerField.AGE;
import static io.lodestar.customerprofile.bulkimport.CustomerField.BIRTH_DATE;
import static io.lodestar.customerprofile.bulkimport.CustomerField.CITY;
import static io.lodestar.customerprofile.bulkimport.CustomerField.CITY_TIER;
import static io.lodestar.customerprofile.bulkimport.CustomerField.CUSTOMER_ID;
import static io.lodestar.customerprofile.bulkimport.CustomerField.EMAIL;
import static io.lodestar.customerprofile.bulkimport.CustomerField.GENDER;
import static io.lodestar.customerprofile.bulkimport.CustomerField.MEMBER_TIER;
import static io.lodestar.customerprofile.bulkimport.CustomerField.PHONE;
import static io.lodestar.customerprofile.bulkimport.CustomerField.PROVINCE;
import static io.lodestar.customerprofile.bulkimport.CustomerField.REGION;
import static io.lodestar.customerprofile.bulkimport.CustomerField.REGISTERED_AT;
import static io.lodestar.customerprofile.bulkimport.CustomerField.REGISTRATION_CHANNEL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;

/**
 * Applies the rules of a customer profile to one CSV row: the id is required (at most 128 characters); enums
 * are their wire names ({@code female}, {@code tier-1}, {@code mini_program}, case-insensitive); a birth date
 * is ISO ({@code yyyy-MM-dd}) and not after the import date; an age is a whole number from 0 to 150; place
 * names have at most 100 characters, as the profile columns do. When a row has both, the birth date wins and
 * gives the age as of the import date. Phone and e-mail are passed on as written: the job validates and
 * hashes them with the identity rules, the single place those rules live.
 */
public final class CustomerRowMapper extends RowMapper<CustomerRecord> {

    static final int MAX_AGE = 150;
    static final int MAX_PLACE = 100;

    private final LocalDate asOf;

    /**
     * @param asOf the import date, which ages are computed at
     */
    public CustomerRowMapper(ColumnMapping mapping, List<String> headers, LocalDate asOf) {
        super(mapping, ImportKind.CUSTOMERS, headers);
        this.asOf = asOf;
    }

    @Override
    CustomerRecord toRecord(long line, RowValues v) {
        String customerId = v.required(CUSTOMER_ID, OrderLineMapper.MAX_ID);
        Gender gender = v.wireEnum(GENDER, Gender.class);
        LocalDate birthDate = v.date(BIRTH_DATE, v.text(BIRTH_DATE));
        if (birthDate != null && birthDate.isAfter(asOf)) {
            v.reject(BIRTH_DATE, v.cell(BIRTH_DATE) + " is after the import date " + asOf);
        }
        Integer age = v.wholeNumber(AGE, v.text(AGE, OrderLineMapper.MAX_NUMBER));
        if (age != null && (age < 0 || age > MAX_AGE)) {
            v.reject(AGE, v.cell(AGE) + " is not between 0 and " + MAX_AGE);
        }
        String city = v.text(CITY, MAX_PLACE);
        String province = v.text(PROVINCE, MAX_PLACE);
        String region = v.text(REGION, MAX_PLACE);
        CityTier cityTier = v.wireEnum(CITY_TIER, CityTier.class);
        MemberTier memberTier = v.wireEnum(MEMBER_TIER, MemberTier.class);
        Instant registeredAt = v.instant(REGISTERED_AT, v.text(REGISTERED_AT));
        Channel channel = v.wireEnum(REGISTRATION_CHANNEL, Channel.class);
        String phone = v.text(PHONE, OrderLineMapper.MAX_ID);
        String email = v.text(EMAIL, OrderLineMapper.MAX_ID);
        if (!v.reasons().isEmpty()) {
            return null;
        }
        Integer knownAge = birthDate != null ? Integer.valueOf(AgeBand.age(birthDate, asOf)) : age;
        return new CustomerRecord(line, customerId, gender, birthDate, knownAge, false, city, province, region,
                cityTier, memberTier, registeredAt, channel, phone, email);
    }
}
