package io.lodestar.segmentation.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL whose values are bind parameters, never text. It is a sequence of constant SQL text and parameter
 * slots; the slots are numbered ({@code $1, $2, …}, as the Vert.x PostgreSQL client expects) only when a whole statement
 * is {@link #render() rendered}, so fragments nest and compose without renumbering anything.
 *
 * <p>Text comes only from this package's constants (column names, operators, keywords); every value a caller or a
 * condition supplies goes through {@link Builder#param(Object, String)}. Immutable.
 */
public final class SqlFragment {

    private static final SqlFragment TRUE = new Builder().sql("TRUE").build();
    private static final SqlFragment FALSE = new Builder().sql("FALSE").build();

    /** Each part is a {@link String} of SQL text or a {@link Param}. */
    private final List<Object> parts;

    private SqlFragment(List<Object> parts) {
        this.parts = Collections.unmodifiableList(parts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Constant SQL text without parameters. */
    public static SqlFragment sql(String text) {
        return new Builder().sql(text).build();
    }

    public static SqlFragment alwaysTrue() {
        return TRUE;
    }

    public static SqlFragment alwaysFalse() {
        return FALSE;
    }

    /** {@code (a) <separator> (b) …}, each part parenthesised; the parts must not be empty. */
    public static SqlFragment join(String separator, List<SqlFragment> fragments) {
        if (fragments.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        Builder builder = new Builder();
        for (int i = 0; i < fragments.size(); i++) {
            if (i > 0) {
                builder.sql(separator);
            }
            builder.sql("(").fragment(fragments.get(i)).sql(")");
        }
        return builder.build();
    }

    /** The statement with its slots numbered from {@code $1}, and the values in slot order. */
    public SqlStatement render() {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Param param) {
                params.add(param.value());
                sql.append('$').append(params.size());
                if (param.cast() != null) {
                    sql.append("::").append(param.cast());
                }
            } else {
                sql.append((String) part);
            }
        }
        return new SqlStatement(sql.toString(), params);
    }

    /** The number of parameter slots. */
    public int parameterCount() {
        return (int) parts.stream().filter(Param.class::isInstance).count();
    }

    @Override
    public String toString() {
        return render().sql();
    }

    /**
     * A bind parameter; {@code cast} (a PostgreSQL type such as {@code timestamptz}) is written after the slot so that
     * the server infers the type the client encodes the value as.
     */
    private record Param(Object value, String cast) {
    }

    /** Appends text, parameters and whole fragments in order. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {

        private final List<Object> parts = new ArrayList<>();

        private Builder() {
        }

        /** Constant SQL text: never a value that came from a caller. */
        public Builder sql(String text) {
            parts.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * A bind parameter written as {@code $n::cast}.
         *
         * @param value a non-null value of a type the Vert.x PostgreSQL client encodes (String, Integer, Long, Double,
         *              BigDecimal, LocalDate, OffsetDateTime)
         * @param cast  the PostgreSQL type of the slot, from this package's constants
         */
        public Builder param(Object value, String cast) {
            parts.add(new Param(Objects.requireNonNull(value, "value"), Objects.requireNonNull(cast, "cast")));
            return this;
        }

        /** {@code $a, $b, …} for a non-empty list of values of one type. */
        public Builder params(List<?> values, String cast) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an empty parameter list");
            }
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sql(", ");
                }
                param(values.get(i), cast);
            }
            return this;
        }

        public Builder fragment(SqlFragment fragment) {
            parts.addAll(fragment.parts);
            return this;
        }

        public SqlFragment build() {
            return new SqlFragment(new ArrayList<>(parts));
        }
    }
}
