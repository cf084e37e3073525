package io.lodestar.segmentation.rule;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.contracts.WireNames;

/**
 * How a condition on a value from a set (a gender, a channel, a cluster id, an RFM group) matches; both evaluators
 * of every such condition go through here, so they treat a missing value alike.
 *
 * <p>A value is <em>missing</em> when the customer has none (no attributes snapshot, a null column, no score for the
 * model) or one the contracts do not know. A missing value is never {@code in} a list, so it is always {@code not_in}
 * one: {@code not_in} is exactly the negation of {@code in}, as {@link Not} of an {@code in} would be.
 */
public enum SetOperator {
    /** The value is one of the listed values. */
    @JsonProperty("in") IN,
    /** The value is none of the listed values, or missing. */
    @JsonProperty("not_in") NOT_IN,
    /** The value is present (and known). */
    @JsonProperty("is_set") IS_SET,
    /** The value is missing. */
    @JsonProperty("is_not_set") IS_NOT_SET;

    /** Whether the operator compares with a list of values ({@code in}, {@code not_in}) rather than testing presence. */
    public boolean takesValues() {
        return this == IN || this == NOT_IN;
    }

    /**
     * Checks the values of a condition with this operator: a non-empty list without nulls or repeats for {@code in} and
     * {@code not_in}, nothing for {@code is_set} and {@code is_not_set}.
     *
     * @return the values as an immutable list (empty for the presence operators)
     */
    <T> List<T> checkValues(List<T> values, String field) {
        if (!takesValues()) {
            if (values != null && !values.isEmpty()) {
                throw new InvalidConditionException(field, "is not allowed with operator " + wireName());
            }
            return List.of();
        }
        if (values == null || values.isEmpty()) {
            throw new InvalidConditionException(field, "must list at least one value for operator " + wireName());
        }
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (value == null) {
                throw new InvalidConditionException(field + "[" + i + "]", "must not be null");
            }
            if (!seen.add(value)) {
                throw new InvalidConditionException(field + "[" + i + "]", "repeats " + value);
            }
        }
        return List.copyOf(values);
    }

    /** In memory: whether {@code value} (null when missing) passes. */
    <T> boolean test(T value, List<T> values) {
        switch (this) {
            case IN:
                return value != null && values.contains(value);
            case NOT_IN:
                return value == null || !values.contains(value);
            case IS_SET:
                return value != null;
            case IS_NOT_SET:
                return value == null;
            default:
                throw new IllegalStateException(name());
        }
    }

    /**
     * In SQL: the same test, from a translation of "the value is one of these", which must be TRUE or FALSE (never NULL:
     * a NULL would turn the NOT of {@code not_in} into NULL too).
     *
     * @param values  the condition's values
     * @param domain  every known value when the domain is closed (an enum), so that {@code is_set} means "has a known
     *                value" exactly as the in-memory facts, which cannot hold an unknown one, see it; null for an open
     *                domain (regions, categories, cluster ids)
     * @param oneOf   the two-valued SQL of "the value is one of these values"
     * @param present for an open domain, the two-valued SQL of "the value is not null"
     */
    <T> SqlFragment sql(List<T> values, List<T> domain, Function<List<T>, SqlFragment> oneOf, SqlFragment present) {
        switch (this) {
            case IN:
                return oneOf.apply(values);
            case NOT_IN:
                return not(oneOf.apply(values));
            case IS_SET:
                return domain == null ? Objects.requireNonNull(present, "present") : oneOf.apply(domain);
            case IS_NOT_SET:
                return not(domain == null ? Objects.requireNonNull(present, "present") : oneOf.apply(domain));
            default:
                throw new IllegalStateException(name());
        }
    }

    /** {@code COALESCE(<expression> IN ($a, $b…), FALSE)}: two-valued when the expression is NULL. */
    static SqlFragment columnIn(SqlFragment expression, List<?> values, String cast) {
        return SqlFragment.builder().sql("COALESCE(").fragment(expression).sql(" IN (").params(values, cast)
                .sql("), FALSE)").build();
    }

    /** {@code (<expression> IS NOT NULL)}. */
    static SqlFragment isNotNull(SqlFragment expression) {
        return SqlFragment.builder().sql("(").fragment(expression).sql(" IS NOT NULL)").build();
    }

    static SqlFragment not(SqlFragment fragment) {
        return SqlFragment.builder().sql("NOT (").fragment(fragment).sql(")").build();
    }

    public String wireName() {
        return WireNames.of(this);
    }
}
