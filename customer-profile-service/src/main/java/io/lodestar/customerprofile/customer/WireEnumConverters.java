package io.lodestar.customerprofile.customer;

import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.platform.persistence.WireEnumConverter;
import jakarta.persistence.Converter;

/** Column converters of the profile's enums (stored by wire name, as the CHECK constraints expect). */
final class WireEnumConverters {

    private WireEnumConverters() {
    }

    @Converter
    static class GenderConverter extends WireEnumConverter<Gender> {
        GenderConverter() {
            super(Gender.class);
        }
    }

    @Converter
    static class CityTierConverter extends WireEnumConverter<CityTier> {
        CityTierConverter() {
            super(CityTier.class);
        }
    }


    @Converter
    static class MemberTierConverter extends WireEnumConverter<MemberTier> {
        MemberTierConverter() {
            super(MemberTier.class);
        }
    }
}
