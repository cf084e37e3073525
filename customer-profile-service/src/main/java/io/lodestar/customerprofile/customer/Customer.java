package io.lodestar.customerprofile.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;
import io.lodestar.platform.persistence.ChannelConverter;
import io.lodestar.platform.problem.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer profile; see V1__customers.sql. Enums are stored by their wire names. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @Column(name = "customer_id", columnDefinition = "text")
    public String customerId;

    @Convert(converter = WireEnumConverters.GenderConverter.class)
    @Column(columnDefinition = "text")
    public Gender gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(columnDefinition = "text")
    public String city;

    @Column(columnDefinition = "text")
    public String province;

    @Column(columnDefinition = "text")
    public String region;

    @Convert(converter = WireEnumConverters.CityTierConverter.class)
    @Column(name = "city_tier", columnDefinition = "text")
    public CityTier cityTier;

    @Column(columnDefinition = "text")
    public String occupation;

    @Column(name = "income_band", columnDefinition = "text")
    public String incomeBand;

    @Convert(converter = ChannelConverter.class)
    @Column(name = "registration_channel", columnDefinition = "text")
    public Channel registrationChannel;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Convert(converter = WireEnumConverters.MemberTierConverter.class)
    @Column(name = "member_tier", nullable = false, columnDefinition = "text")
    public MemberTier memberTier = MemberTier.NORMAL;

    @Column(nullable = false)
    public long points;

    @Column(name = "time_zone", columnDefinition = "text")
    public String timeZone;

    /** Installation-specific attributes, validated against the configured JSON Schema. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> attributes = new LinkedHashMap<>();

    @Column(nullable = false, columnDefinition = "text")
    public String status = CustomerStatus.ACTIVE;

    /** The survivor this customer was merged into (status merged). */
    @Column(name = "merged_into", columnDefinition = "text")
    public String mergedInto;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Refuses to write to a profile that was merged (the survivor must be used) or erased: 409.
     *
     * @return this profile, for chaining
     */
    public Customer requireActive() {
        if (!CustomerStatus.ACTIVE.equals(status)) {
            throw new ConflictException("customer '" + customerId + "' is " + status
                    + (mergedInto != null ? " into '" + mergedInto + "'; use the survivor" : ""));
        }
        return this;
    }

    /** The lifecycle states of a profile. */
    public static final class CustomerStatus {
        public static final String ACTIVE = "active";
        public static final String MERGED = "merged";
        public static final String ERASED = "erased";

        private CustomerStatus() {
        }
    }
}
