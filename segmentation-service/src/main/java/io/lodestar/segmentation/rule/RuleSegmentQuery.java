package io.lodestar.segmentation.rule;

import java.time.Instant;
import java.util.Objects;

/**
 * The SQL of a whole rule segment over {@code customer_feature_view f}: its members, their number, a sample, and pages
 * of members for bulk recomputation. Every statement binds its values ({@code $1…}); run it with
 * {@code pool.preparedQuery(statement.sql()).execute(statement.tuple())}.
 *
 * <p>Only customers with a row in {@code customer_feature_view} (a row in {@code customer_feature}) can be members,
 * exactly as only customers whose {@link CustomerFacts} can be loaded are evaluated in memory.
 */
public final class RuleSegmentQuery {

    private final SqlFragment where;

    private RuleSegmentQuery(SqlFragment where) {
        this.where = where;
    }

    /**
     * The query of {@code condition} as of {@code asOf}, references resolved in {@code segments}.
     *
     * @throws IllegalStateException if a reference is unknown or cyclic (which {@link SegmentReferences} refuses
     *                               before a tree is stored)
     */
    public static RuleSegmentQuery of(Condition condition, Instant asOf, SegmentLookup segments) {
        Objects.requireNonNull(condition, "condition");
        return new RuleSegmentQuery(condition.toSql(SqlContext.of(asOf, segments)));
    }

    /** The WHERE condition alone, to embed in the caller's statement over {@code customer_feature_view f}. */
    public SqlFragment where() {
        return where;
    }

    /** {@code SELECT f.customer_id … ORDER BY f.customer_id}: every member. */
    public SqlStatement members() {
        return select().sql(" ORDER BY f.customer_id").build().render();
    }

    /** {@code SELECT count(*) …}: the number of members (one row, column {@code members}). */
    public SqlStatement count() {
        return SqlFragment.builder().sql("SELECT count(*) AS members FROM customer_feature_view f WHERE (")
                .fragment(where).sql(")").build().render();
    }

    /** The first {@code limit} members by customer id, for a preview. */
    public SqlStatement sample(int limit) {
        return page(null, limit);
    }

    /**
     * A page of members by customer id (keyset pagination): those after {@code afterCustomerId} (null for the first
     * page), at most {@code limit}.
     */
    public SqlStatement page(String afterCustomerId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        SqlFragment.Builder sql = select();
        if (afterCustomerId != null) {
            sql.sql(" AND f.customer_id > ").param(afterCustomerId, "text");
        }
        return sql.sql(" ORDER BY f.customer_id LIMIT ").param(limit, "int4").build().render();
    }

    private SqlFragment.Builder select() {
        return SqlFragment.builder().sql("SELECT f.customer_id FROM customer_feature_view f WHERE (").fragment(where)
                .sql(")");
    }
}
