package io.lodestar.segmentation.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.customer.AgeBand;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;

/**
 * A profile attribute is (not) one of some values, or is (not) set: {@code {"type": "attribute", "field": "city_tier",
 * "operator": "in", "values": ["tier-1", "new-tier-1"]}}. Values are the contracts' wire names ({@code AgeBand} labels
 * for the age band); the region is free text.
 *
 * @param field    the attribute
 * @param operator how it matches ({@link SetOperator}, which also says how a missing attribute behaves)
 * @param values   for {@code in} and {@code not_in}: the values, each a known one of the attribute; else empty
 */
public record AttributeCondition(Attribute field, SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values) implements Condition {

    public AttributeCondition {
        if (field == null) {
            throw new InvalidConditionException("field", "is required");
        }
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        values = operator.checkValues(values, "values");
        List<String> domain = field.domain();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (domain == null ? value.isBlank() : !domain.contains(value)) {
                throw new InvalidConditionException("values[" + i + "]", domain == null
                        ? "must not be blank"
                        : "'" + value + "' is not a known " + field.wireName() + "; use one of " + String.join(", ", domain));
            }
        }
    }

    public static AttributeCondition in(Attribute field, String... values) {
        return new AttributeCondition(field, SetOperator.IN, List.of(values));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(field.valueOf(facts.attributes(), ctx.asOfDate()), values);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return operator.sql(values, field.domain(), names -> field.oneOf(names, ctx), field.present());
    }

    /** The attributes a rule can target, each with its in-memory value and its SQL, side by side. */
    public enum Attribute {
        @JsonProperty("gender") GENDER(WireNames.all(Gender.class)) {
            @Override
            String valueOf(CustomerFacts.Attributes attributes, LocalDate today) {
                return wire(attributes.gender());
            }

            @Override
            SqlFragment oneOf(List<String> values, SqlContext ctx) {
                return SetOperator.columnIn(SqlFragment.sql("f.gender"), values, "text");
            }
        },
        /** Derived from the birth date as of the UTC date of the evaluation instant ({@link AgeBand}). */
        @JsonProperty("age_band") AGE_BAND(AgeBand.labels()) {
            @Override
            String valueOf(CustomerFacts.Attributes attributes, LocalDate today) {
                LocalDate birthDate = attributes.birthDate();
                if (birthDate == null || birthDate.isAfter(today)) {
                    return null; // a birth date in the future is no age (Period.between would call it 0 years)
                }
                int age = AgeBand.age(birthDate, today);
                try {
                    return AgeBand.of(age).label();
                } catch (IllegalArgumentException olderThanEveryBand) {
                    return null;
                }
            }

            @Override
            SqlFragment oneOf(List<String> values, SqlContext ctx) {
                // Each band is a range of birth dates on the day of the evaluation, computed here from AgeBand itself.
                LocalDate today = ctx.asOfDate();
                List<SqlFragment> ranges = new ArrayList<>();
                for (String label : values) {
                    AgeBand band = AgeBand.parse(label).orElseThrow();
                    ranges.add(SqlFragment.builder()
                            .sql("f.birth_date >= ").param(band.bornOnOrAfter(today), "date")
                            .sql(" AND f.birth_date <= ").param(band.bornOnOrBefore(today), "date")
                            .build());
                }
                return SqlFragment.builder().sql("COALESCE(").fragment(SqlFragment.join(" OR ", ranges))
                        .sql(", FALSE)").build();
            }
        },
        @JsonProperty("city_tier") CITY_TIER(WireNames.all(CityTier.class)) {
            @Override
            String valueOf(CustomerFacts.Attributes attributes, LocalDate today) {
                return wire(attributes.cityTier());
            }

            @Override
            SqlFragment oneOf(List<String> values, SqlContext ctx) {
                return SetOperator.columnIn(SqlFragment.sql("f.city_tier"), values, "text");
            }
        },
        /** Free text as the profile gives it; compared exactly. */
        @JsonProperty("region") REGION(null) {
            @Override
            String valueOf(CustomerFacts.Attributes attributes, LocalDate today) {
                return attributes.region();
            }

            @Override
            SqlFragment oneOf(List<String> values, SqlContext ctx) {
                return SetOperator.columnIn(SqlFragment.sql("f.region"), values, "text");
            }

            @Override
            SqlFragment present() {
                return SetOperator.isNotNull(SqlFragment.sql("f.region"));
            }
        },
        @JsonProperty("member_tier") MEMBER_TIER(WireNames.all(MemberTier.class)) {
            @Override
            String valueOf(CustomerFacts.Attributes attributes, LocalDate today) {
                return wire(attributes.memberTier());
            }

            @Override
            SqlFragment oneOf(List<String> values, SqlContext ctx) {
                return SetOperator.columnIn(SqlFragment.sql("f.member_tier"), values, "text");
            }
        },
        @JsonProperty("registration_channel") REGISTRATION_CHANNEL(WireNames.all(Channel.class)) {
            @Override
            String valueOf(CustomerFacts.Attributes attributes, LocalDate today) {
                return wire(attributes.registrationChannel());
            }

            @Override
            SqlFragment oneOf(List<String> values, SqlContext ctx) {
                return SetOperator.columnIn(SqlFragment.sql("f.registration_channel"), values, "text");
            }
        };

        private final List<String> domain;

        Attribute(List<String> domain) {
            this.domain = domain == null ? null : List.copyOf(domain);
        }

        /** The attribute's value as a wire name, or null when missing. */
        abstract String valueOf(CustomerFacts.Attributes attributes, LocalDate today);

        /** Two-valued SQL of "the attribute is one of these (known) values". */
        abstract SqlFragment oneOf(List<String> values, SqlContext ctx);

        /** Two-valued SQL of "the attribute is set", for an open domain only. */
        SqlFragment present() {
            return null;
        }

        /** Every known value, or null when any text is a value. */
        List<String> domain() {
            return domain;
        }

        public String wireName() {
            return WireNames.of(this);
        }

        private static String wire(Enum<?> value) {
            return value == null ? null : WireNames.of(value);
        }
    }
}
