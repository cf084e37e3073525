package io.lodestar.segmentation.rule;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.contracts.WireNames;

/**
 * How a numeric condition compares; both evaluators of {@link FeatureCondition} go through here. Numbers compare by
 * value ({@code 100} equals {@code 100.00}). {@code between} is inclusive at both ends, like SQL's {@code BETWEEN}.
 *
 * <p>A missing value (no orders yet, so no average order value or days since the last order) fails every comparison
 * except {@code ne}, which is exactly the negation of {@code eq} (as {@link SetOperator#NOT_IN} is of {@code in}).
 */
public enum ComparisonOperator {
    @JsonProperty("eq") EQ,
    @JsonProperty("ne") NE,
    @JsonProperty("gt") GT,
    @JsonProperty("gte") GTE,
    @JsonProperty("lt") LT,
    @JsonProperty("lte") LTE,
    /** {@code min ≤ value ≤ max}. */
    @JsonProperty("between") BETWEEN;

    /** In memory: {@code actual} (null when missing) against the condition's {@code value} or {@code min}/{@code max}. */
    boolean test(BigDecimal actual, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (actual == null) {
            return this == NE;
        }
        switch (this) {
            case EQ:
                return actual.compareTo(value) == 0;
            case NE:
                return actual.compareTo(value) != 0;
            case GT:
                return actual.compareTo(value) > 0;
            case GTE:
                return actual.compareTo(value) >= 0;
            case LT:
                return actual.compareTo(value) < 0;
            case LTE:
                return actual.compareTo(value) <= 0;
            case BETWEEN:
                return actual.compareTo(min) >= 0 && actual.compareTo(max) <= 0;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** In SQL: the same comparison of a numeric expression, TRUE or FALSE (never NULL) whatever the expression. */
    SqlFragment sql(SqlFragment expression, BigDecimal value, BigDecimal min, BigDecimal max) {
        SqlFragment.Builder sql = SqlFragment.builder().sql("COALESCE(").fragment(expression);
        switch (this) {
            case EQ:
            case NE:
                sql.sql(" = ").param(value, "numeric");
                break;
            case GT:
                sql.sql(" > ").param(value, "numeric");
                break;
            case GTE:
                sql.sql(" >= ").param(value, "numeric");
                break;
            case LT:
                sql.sql(" < ").param(value, "numeric");
                break;
            case LTE:
                sql.sql(" <= ").param(value, "numeric");
                break;
            case BETWEEN:
                sql.sql(" BETWEEN ").param(min, "numeric").sql(" AND ").param(max, "numeric");
                break;
            default:
                throw new IllegalStateException(name());
        }
        SqlFragment comparison = sql.sql(", FALSE)").build();
        return this == NE ? SetOperator.not(comparison) : comparison;
    }

    public String wireName() {
        return WireNames.of(this);
    }
}
