package io.lodestar.segmentation.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A rendered statement: SQL with {@code $1…$n} slots and the values to bind, in slot order.
 *
 * @param sql    the SQL text, with no value written into it
 * @param params one value per slot
 */
public record SqlStatement(String sql, List<Object> params) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** The values as a Vert.x tuple, for {@code pool.preparedQuery(sql()).execute(tuple())}. */
    public Tuple tuple() {
        return Tuple.tuple(new ArrayList<>(params));
    }
}
