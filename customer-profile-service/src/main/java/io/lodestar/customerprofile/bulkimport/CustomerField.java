package io.lodestar.customerprofile.bulkimport;

/** The fields of a customer-profile import; only the customer id is required. */
public enum CustomerField implements TargetField {
    CUSTOMER_ID,
    GENDER,
    BIRTH_DATE,
    /** Whole years; the birth date wins when a row has both. */
    AGE,
    CITY,
    PROVINCE,
    REGION,
    CITY_TIER,
    MEMBER_TIER,
    REGISTERED_AT,
    REGISTRATION_CHANNEL,
    PHONE,
    EMAIL;

    @Override
    public boolean required() {
        return this == CUSTOMER_ID;
    }

    /** Personal data: masked in the rejected-rows report, which is downloaded as a file. */
    public boolean personal() {
        return this == PHONE || this == EMAIL;
    }
}
