package io.lodestar.recommendation.analytics;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.lodestar.platform.problem.InvalidInputException;

/** What {@code GET /analytics/products/hot} ranks sellers by ({@code by=}); the SQL names the hot query's columns. */
public enum HotRanking {
    REVENUE("revenue", "cur.revenue"),
    UNITS("units", "cur.units"),
    REVENUE_GROWTH("revenueGrowth", "(cur.revenue - prev.revenue) / nullif(prev.revenue, 0)");

    private final String wire;
    private final String sql;

    HotRanking(String wire, String sql) {
        this.wire = wire;
        this.sql = sql;
    }

    public String wire() {
        return wire;
    }

    String sql() {
        return sql;
    }

    /** The ranking named {@code wire}; revenue by default; anything else is a 400 naming {@code by}. */
    static HotRanking of(String wire) {
        if (wire == null || wire.isBlank()) {
            return REVENUE;
        }
        return Arrays.stream(values()).filter(r -> r.wire.equalsIgnoreCase(wire)).findFirst()
                .orElseThrow(() -> new InvalidInputException("by", "must be one of " + Arrays.stream(values())
                        .map(HotRanking::wire).collect(Collectors.joining(", "))));
    }
}
