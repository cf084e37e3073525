package io.lodestar.segmentation.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.lodestar.contracts.WireNames;

/**
 * A numeric feature compares with a number: {@code {"type": "feature", "field": "net_spend", "operator": "gte",
 * "value": 500}}, {@code {"type": "feature", "field": "discount_share", "operator": "between", "min": 0.2, "max": 0.5}},
 * {@code {"type": "feature", "field": "orders_in_last_days", "days": 30, "operator": "gte", "value": 2}}.
 *
 * @param field    the feature
 * @param days     the window of {@code orders_in_last_days} and {@code spend_in_last_days} ({@link TimeWindow}); null for
 *                 every other feature
 * @param operator the comparison ({@link ComparisonOperator}, which also says how a missing value behaves)
 * @param value    the number to compare with, for every operator but {@code between}
 * @param min      the inclusive lower bound of {@code between}
 * @param max      the inclusive upper bound of {@code between}, not below {@code min}
 */
@JsonPropertyOrder({"field", "days", "operator", "value", "min", "max"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureCondition(Feature field, Integer days, ComparisonOperator operator, BigDecimal value,
        BigDecimal min, BigDecimal max) implements Condition {

    public FeatureCondition {
        if (field == null) {
            throw new InvalidConditionException("field", "is required");
        }
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        if (field.windowed() && days == null) {
            throw new InvalidConditionException("days", "is required for " + field.wireName());
        }
        if (!field.windowed() && days != null) {
            throw new InvalidConditionException("days", "is only allowed for orders_in_last_days and spend_in_last_days");
        }
        if (days != null) {
            TimeWindow.checkDays(days, "days");
        }
        if (operator == ComparisonOperator.BETWEEN) {
            forbid(value, "value", "is not allowed with operator between; use min and max");
            require(min, "min", "is required with operator between");
            require(max, "max", "is required with operator between");
            if (min.compareTo(max) > 0) {
                throw new InvalidConditionException("min", "must not be greater than max (" + min.toPlainString()
                        + " > " + max.toPlainString() + ")");
            }
        } else {
            require(value, "value", "is required with operator " + operator.wireName());
            forbid(min, "min", "is only allowed with operator between");
            forbid(max, "max", "is only allowed with operator between");
        }
        if (field.wholeNumber()) {
            requireWhole(field, value, "value");
            requireWhole(field, min, "min");
            requireWhole(field, max, "max");
        }
    }

    /** {@code field operator value} for a feature without a window. */
    public static FeatureCondition compare(Feature field, ComparisonOperator operator, BigDecimal value) {
        return new FeatureCondition(field, null, operator, value, null, null);
    }

    /** {@code min ≤ field ≤ max} for a feature without a window. */
    public static FeatureCondition between(Feature field, BigDecimal min, BigDecimal max) {
        return new FeatureCondition(field, null, ComparisonOperator.BETWEEN, null, min, max);
    }

    /** {@code field(days) operator value} for a windowed feature. */
    public static FeatureCondition inLastDays(Feature field, int days, ComparisonOperator operator, BigDecimal value) {
        return new FeatureCondition(field, days, operator, value, null, null);
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(field.valueOf(facts, ctx.asOf(), window()), value, min, max);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return operator.sql(field.sql(ctx, window()), value, min, max);
    }

    private TimeWindow window() {
        return days == null ? null : new TimeWindow(days);
    }

    private static void require(BigDecimal number, String name, String problem) {
        if (number == null) {
            throw new InvalidConditionException(name, problem);
        }
    }

    private static void forbid(BigDecimal number, String name, String problem) {
        if (number != null) {
            throw new InvalidConditionException(name, problem);
        }
    }

    private static void requireWhole(Feature field, BigDecimal number, String name) {
        if (number != null && number.stripTrailingZeros().scale() > 0) {
            throw new InvalidConditionException(name, "must be a whole number: " + field.wireName() + " counts "
                    + field.unit() + ", was " + number.toPlainString());
        }
    }

    /**
     * The numeric features a rule can compare, each with its in-memory value and its SQL side by side. Lifetime features
     * are the columns of {@code customer_feature_view} as {@link CustomerFacts.Features} holds them; the others are
     * computed from the evaluation instant the same way in both paths.
     */
    public enum Feature {
        @JsonProperty("paid_orders") PAID_ORDERS("orders") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return BigDecimal.valueOf(facts.features().paidOrders());
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.paid_orders");
            }
        },
        @JsonProperty("net_spend") NET_SPEND(null) {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return facts.features().netSpend();
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.net_spend");
            }
        },
        /** Missing for a customer without paid orders. */
        @JsonProperty("avg_order_value") AVG_ORDER_VALUE(null) {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return facts.features().avgOrderValue();
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.avg_order_value");
            }
        },
        @JsonProperty("discount_share") DISCOUNT_SHARE(null) {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return facts.features().discountShare();
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.discount_share");
            }
        },
        @JsonProperty("cart_abandonment_rate") CART_ABANDONMENT_RATE(null) {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return facts.features().cartAbandonmentRate();
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.cart_abandonment_rate");
            }
        },
        @JsonProperty("product_views") PRODUCT_VIEWS("product views") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return BigDecimal.valueOf(facts.features().productViews());
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.product_views");
            }
        },
        @JsonProperty("favorites") FAVORITES("favorites") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return BigDecimal.valueOf(facts.features().favorites());
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.favorites");
            }
        },
        @JsonProperty("cart_adds") CART_ADDS("cart adds") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return BigDecimal.valueOf(facts.features().cartAdds());
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.cart_adds");
            }
        },
        @JsonProperty("checkouts") CHECKOUTS("checkouts") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return BigDecimal.valueOf(facts.features().checkouts());
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.sql("f.checkouts");
            }
        },
        /** Whole days from the last paid order to the evaluation instant, rounded down; missing without orders. */
        @JsonProperty("days_since_last_order") DAYS_SINCE_LAST_ORDER("days") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return wholeDaysBetween(facts.features().lastPaidAt(), asOf);
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return wholeDaysSql("f.last_paid_at", ctx);
            }
        },
        /** Whole days from the first paid order to the evaluation instant, rounded down; missing without orders. */
        @JsonProperty("days_since_first_order") DAYS_SINCE_FIRST_ORDER("days") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return wholeDaysBetween(facts.features().firstPaidAt(), asOf);
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return wholeDaysSql("f.first_paid_at", ctx);
            }
        },
        /** Paid orders whose payment falls in the window ({@code paid_order}). */
        @JsonProperty("orders_in_last_days") ORDERS_IN_LAST_DAYS("orders") {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                return BigDecimal.valueOf(facts.paidOrders().stream()
                        .filter(order -> window.contains(order.paidAt(), asOf)).count());
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.builder()
                        .sql("(SELECT count(*) FROM paid_order o WHERE o.customer_id = f.customer_id AND ")
                        .fragment(window.sql("o.paid_at", ctx)).sql(")").build();
            }
        },
        /**
         * Spend in the window: the paid amounts of orders paid in it minus the refunds made in it (a refund counts when
         * it happens, as in net spend), so it can be negative.
         */
        @JsonProperty("spend_in_last_days") SPEND_IN_LAST_DAYS(null) {
            @Override
            BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window) {
                BigDecimal paid = facts.paidOrders().stream().filter(order -> window.contains(order.paidAt(), asOf))
                        .map(CustomerFacts.PaidOrder::paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal refunded = facts.refunds().stream().filter(refund -> window.contains(refund.refundedAt(), asOf))
                        .map(CustomerFacts.Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                return paid.subtract(refunded);
            }

            @Override
            SqlFragment sql(SqlContext ctx, TimeWindow window) {
                return SqlFragment.builder()
                        .sql("(COALESCE((SELECT sum(o.paid_amount) FROM paid_order o"
                                + " WHERE o.customer_id = f.customer_id AND ")
                        .fragment(window.sql("o.paid_at", ctx))
                        .sql("), 0) - COALESCE((SELECT sum(r.amount) FROM order_refund r"
                                + " WHERE r.customer_id = f.customer_id AND ")
                        .fragment(window.sql("r.refunded_at", ctx))
                        .sql("), 0))").build();
            }
        };

        private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

        /** What the feature counts when it takes only whole numbers; null for amounts and shares. */
        private final String unit;

        Feature(String unit) {
            this.unit = unit;
        }

        /** The feature's value for the customer as of {@code asOf}, or null when missing. */
        abstract BigDecimal valueOf(CustomerFacts facts, Instant asOf, TimeWindow window);

        /** The numeric SQL expression of the feature (NULL when missing). */
        abstract SqlFragment sql(SqlContext ctx, TimeWindow window);

        /** Whether the feature needs a {@code days} window. */
        public boolean windowed() {
            return this == ORDERS_IN_LAST_DAYS || this == SPEND_IN_LAST_DAYS;
        }

        /** Whether the feature takes only whole numbers (counts and days), so a bound must be whole too. */
        public boolean wholeNumber() {
            return unit != null;
        }

        String unit() {
            return unit;
        }

        public String wireName() {
            return WireNames.of(this);
        }

        /**
         * Whole days from {@code from} to {@code asOf}, rounded down (toward the past: −0.5 days is −1, for an instant
         * after {@code asOf}); null when {@code from} is.
         */
        private static BigDecimal wholeDaysBetween(Instant from, Instant asOf) {
            if (from == null) {
                return null;
            }
            // getSeconds() floors the sub-second part, and day boundaries are whole seconds, so this is floor(span / day).
            return BigDecimal.valueOf(Math.floorDiv(Duration.between(from, asOf).getSeconds(), SECONDS_PER_DAY));
        }

        /** {@code floor(extract(epoch FROM ($asOf - column)) / 86400)}: exact, since the interval has no months. */
        private static SqlFragment wholeDaysSql(String column, SqlContext ctx) {
            return SqlFragment.builder().sql("floor(extract(epoch FROM (")
                    .param(SqlContext.timestamptz(ctx.asOf()), "timestamptz").sql(" - ").sql(column)
                    .sql(")) / 86400)").build();
        }
    }
}
