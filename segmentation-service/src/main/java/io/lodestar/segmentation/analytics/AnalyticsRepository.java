package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lodestar.contracts.customer.AgeBand;
import io.lodestar.segmentation.analytics.AnalyticsParameters.CohortQuery;
import io.lodestar.segmentation.analytics.AnalyticsParameters.ConcentrationQuery;
import io.lodestar.segmentation.analytics.AnalyticsParameters.CycleQuery;
import io.lodestar.segmentation.analytics.RepurchaseCycleView.AgeBandCycle;
import io.lodestar.segmentation.analytics.RepurchaseCycleView.CategoryCycle;
import io.lodestar.segmentation.analytics.RepurchaseCycleView.Cycle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The read-only SQL of the customer analytics, over the fact tables of {@code V1__customer_features.sql}. Each figure is
 * one statement, so it reads one consistent snapshot; the aggregation (ranking, running sums, percentiles) stays in
 * PostgreSQL and only a handful of rows come back. Every input is a bound parameter.
 */
@ApplicationScoped
public class AnalyticsRepository {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Net revenue per customer in {@code [windowStart, asOf]} ranked from the largest, then three kinds of rows: the
     * totals (with the Gini coefficient), one per Lorenz point, one per revenue threshold.
     * <p>
     * With the customers ranked r = 1..n by descending revenue x (zero for a non-positive net) and T = Σx, the Gini
     * coefficient of the piecewise-linear Lorenz curve is {@code (n + 1)/n − 2·Σ r·x / (n·T)}. The top p% is
     * k = p·n/100 customers: the running sum at ⌊k⌋ plus the fraction k − ⌊k⌋ of the next customer's revenue. The
     * smallest share bringing t% of revenue is found on the first rank whose running sum reaches t·T/100, inverting the
     * same line segment.
     */
    private static final String VALUE_CONCENTRATION = """
            WITH net AS (
                SELECT customer_id, sum(amount) AS net
                FROM (SELECT customer_id, paid_amount AS amount FROM paid_order
                      WHERE paid_at <= $1 AND ($2::timestamptz IS NULL OR paid_at >= $2)
                      UNION ALL
                      SELECT customer_id, -amount FROM order_refund
                      WHERE refunded_at <= $1 AND ($2::timestamptz IS NULL OR refunded_at >= $2)) facts
                GROUP BY customer_id),
            ranked AS (
                SELECT net, greatest(net, 0) AS value, row_number() OVER w AS rank,
                       sum(greatest(net, 0)) OVER w AS cumulative
                FROM net
                WINDOW w AS (ORDER BY greatest(net, 0) DESC, customer_id ROWS UNBOUNDED PRECEDING)),
            totals AS (
                SELECT count(*) AS customers, count(*) FILTER (WHERE value > 0) AS earning,
                       coalesce(sum(value), 0) AS revenue, coalesce(sum(net), 0) AS net_revenue,
                       coalesce(sum(rank * value), 0) AS rank_weighted
                FROM ranked)
            SELECT 'totals' AS kind, NULL::numeric AS percent, t.customers::numeric AS customers, t.revenue,
                   t.net_revenue, t.earning::numeric AS earning,
                   CASE WHEN t.revenue > 0 THEN (t.customers + 1)::numeric / t.customers
                                                - 2 * t.rank_weighted / (t.customers * t.revenue) END AS gini
            FROM totals t
            UNION ALL
            SELECT 'point', p.percent, p.percent / 100 * t.customers,
                   coalesce(a.cumulative, 0)
                       + (p.percent / 100 * t.customers - floor(p.percent / 100 * t.customers)) * coalesce(b.value, 0),
                   NULL, NULL, NULL
            FROM unnest($3::numeric[]) AS p(percent) CROSS JOIN totals t
            LEFT JOIN ranked a ON a.rank = floor(p.percent / 100 * t.customers)
            LEFT JOIN ranked b ON b.rank = floor(p.percent / 100 * t.customers) + 1
            UNION ALL
            SELECT 'threshold', g.percent, r.rank - 1 + (g.percent / 100 * t.revenue - (r.cumulative - r.value)) / r.value,
                   NULL, NULL, NULL, NULL
            FROM unnest($4::numeric[]) AS g(percent) CROSS JOIN totals t
            LEFT JOIN LATERAL (SELECT rank, cumulative, value FROM ranked
                               WHERE t.revenue > 0 AND cumulative >= g.percent / 100 * t.revenue
                               ORDER BY rank LIMIT 1) r ON true""";

    /**
     * Every paid order up to {@code asOf} with the previous paid order of its customer gives one interval, labelled with
     * the customer's age band ({@code $2..$4}: the bands' labels and birth-date bounds on asOf's date, from the
     * {@link AgeBand} contract so that the SQL and the contract cannot disagree). Statistics follow overall, per
     * category of the later order, and per age band.
     */
    private static final String REPURCHASE_CYCLE = """
            WITH bands AS (SELECT * FROM unnest($2::text[], $3::date[], $4::date[]) AS b(label, born_from, born_to)),
            ordered AS (
                SELECT order_id, customer_id, paid_at,
                       lag(paid_at) OVER (PARTITION BY customer_id ORDER BY paid_at, order_id) AS previous_paid_at
                FROM paid_order WHERE paid_at <= $1),
            intervals AS (
                SELECT o.order_id, (extract(epoch FROM o.paid_at - o.previous_paid_at) / 86400)::double precision AS days,
                       coalesce((SELECT b.label FROM bands b WHERE a.birth_date BETWEEN b.born_from AND b.born_to),
                                $7) AS age_band
                FROM ordered o LEFT JOIN customer_attributes a ON a.customer_id = o.customer_id
                WHERE o.previous_paid_at IS NOT NULL),
            selected AS (
                SELECT * FROM intervals i
                WHERE ($5::text IS NULL OR i.age_band = $5)
                  AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM paid_order_category c
                                                   WHERE c.order_id = i.order_id AND c.category = $6)))
            SELECT 'overall' AS dimension, NULL AS key, count(*) AS intervals, avg(days) AS mean,
                   percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY days) AS quartiles
            FROM selected
            UNION ALL
            SELECT 'category', c.category, count(*), avg(s.days),
                   percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY s.days)
            FROM selected s JOIN paid_order_category c ON c.order_id = s.order_id
            WHERE ($6::text IS NULL OR c.category = $6)
            GROUP BY c.category
            UNION ALL
            SELECT 'age-band', s.age_band, count(*), avg(s.days),
                   percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY s.days)
            FROM selected s
            GROUP BY s.age_band""";

    /**
     * Each customer's cohort (UTC month of the first paid order), narrowed to {@code [$1, $2]}, and for each cohort and
     * month offset below {@code $3} the number of distinct cohort customers with a paid order in that month.
     */
    private static final String COHORTS = """
            WITH firsts AS (
                SELECT customer_id, date_trunc('month', min(paid_at) AT TIME ZONE 'UTC')::date AS cohort
                FROM paid_order GROUP BY customer_id),
            members AS (
                SELECT * FROM firsts WHERE ($1::date IS NULL OR cohort >= $1) AND ($2::date IS NULL OR cohort <= $2)),
            active AS (
                SELECT DISTINCT m.cohort, m.customer_id, date_trunc('month', o.paid_at AT TIME ZONE 'UTC')::date AS month
                FROM members m JOIN paid_order o ON o.customer_id = m.customer_id
                WHERE o.paid_at < (m.cohort + make_interval(months => $3)) AT TIME ZONE 'UTC')
            SELECT cohort, ((extract(year FROM month) - extract(year FROM cohort)) * 12
                            + extract(month FROM month) - extract(month FROM cohort))::int AS period,
                   count(*) AS customers
            FROM active
            GROUP BY cohort, month
            ORDER BY cohort, month""";

    public Uni<ValueConcentrationView> valueConcentration(SqlConnection connection, ConcentrationQuery query) {
        Tuple parameters = Tuple.tuple()
                .addValue(utc(query.asOf()))
                .addValue(query.windowStart() == null ? null : utc(query.windowStart()))
                .addValue(query.points().toArray(BigDecimal[]::new))
                .addValue(AnalyticsParameters.REVENUE_THRESHOLDS.toArray(BigDecimal[]::new));
        return connection.preparedQuery(VALUE_CONCENTRATION).execute(parameters)
                .map(rows -> toConcentration(query, rows));
    }

    public Uni<RepurchaseCycleView> repurchaseCycle(SqlConnection connection, CycleQuery query) {
        LocalDate day = query.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
        AgeBand[] bands = AgeBand.values();
        String[] labels = new String[bands.length];
        LocalDate[] bornFrom = new LocalDate[bands.length];
        LocalDate[] bornTo = new LocalDate[bands.length];
        for (int i = 0; i < bands.length; i++) {
            labels[i] = bands[i].label();
            bornFrom[i] = bands[i].bornOnOrAfter(day);
            bornTo[i] = bands[i].bornOnOrBefore(day);
        }
        Tuple parameters = Tuple.tuple()
                .addValue(utc(query.asOf()))
                .addValue(labels)
                .addValue(bornFrom)
                .addValue(bornTo)
                .addValue(query.ageBand())
                .addValue(query.category())
                .addValue(AnalyticsParameters.UNKNOWN_AGE_BAND);
        return connection.preparedQuery(REPURCHASE_CYCLE).execute(parameters)
                .map(rows -> toRepurchaseCycle(query, rows));
    }

    public Uni<CohortsView> cohorts(SqlConnection connection, CohortQuery query, YearMonth currentMonth) {
        Tuple parameters = Tuple.tuple()
                .addValue(query.from() == null ? null : query.from().atDay(1))
                .addValue(query.to() == null ? null : query.to().atDay(1))
                .addValue(query.periods());
        return connection.preparedQuery(COHORTS).execute(parameters)
                .map(rows -> toCohorts(query, currentMonth, rows));
    }

    private static ValueConcentrationView toConcentration(ConcentrationQuery query, RowSet<Row> rows) {
        Row totals = null;
        List<Row> points = new ArrayList<>();
        List<Row> thresholds = new ArrayList<>();
        for (Row row : rows) {
            switch (row.getString("kind")) {
                case "totals" -> totals = row;
                case "point" -> points.add(row);
                default -> thresholds.add(row);
            }
        }
        if (totals == null) {
            throw new IllegalStateException("the value-concentration query returned no totals");
        }
        long customers = totals.getBigDecimal("customers").longValueExact();
        BigDecimal revenue = totals.getBigDecimal("revenue");
        BigDecimal gini = totals.getBigDecimal("gini");
        List<ValueConcentrationView.Point> table = points.stream()
                .map(p -> new ValueConcentrationView.Point(p.getBigDecimal("percent"),
                        twoDecimals(p.getBigDecimal("customers")), twoDecimals(p.getBigDecimal("revenue")),
                        percent(p.getBigDecimal("revenue"), revenue)))
                .sorted(Comparator.comparing(ValueConcentrationView.Point::customerPercent))
                .toList();
        List<ValueConcentrationView.Threshold> needed = thresholds.stream()
                .map(t -> {
                    BigDecimal count = t.getBigDecimal("customers");
                    return new ValueConcentrationView.Threshold(t.getBigDecimal("percent"),
                            count == null ? null : twoDecimals(count),
                            count == null ? null : percent(count, BigDecimal.valueOf(customers)));
                })
                .sorted(Comparator.comparing(ValueConcentrationView.Threshold::revenuePercent))
                .toList();
        return new ValueConcentrationView(query.asOf(), query.windowStart(), query.windowDays(), customers,
                totals.getBigDecimal("earning").longValueExact(), twoDecimals(revenue), twoDecimals(totals.getBigDecimal("net_revenue")),
                gini == null ? null : gini.setScale(4, RoundingMode.HALF_UP), table, needed);
    }

    private static RepurchaseCycleView toRepurchaseCycle(CycleQuery query, RowSet<Row> rows) {
        Cycle overall = Cycle.NONE;
        Map<String, Cycle> categories = new TreeMap<>();
        Map<String, Cycle> bands = new LinkedHashMap<>();
        for (String label : AnalyticsParameters.ageBandLabels()) {
            if (query.ageBand() == null || query.ageBand().equals(label)) {
                bands.put(label, Cycle.NONE);
            }
        }
        for (Row row : rows) {
            Cycle cycle = toCycle(row);
            switch (row.getString("dimension")) {
                case "overall" -> overall = cycle;
                case "category" -> categories.put(row.getString("key"), cycle);
                default -> bands.put(row.getString("key"), cycle);
            }
        }
        return new RepurchaseCycleView(query.asOf(), query.category(), query.ageBand(), overall,
                categories.entrySet().stream().map(e -> new CategoryCycle(e.getKey(), e.getValue())).toList(),
                bands.entrySet().stream().map(e -> new AgeBandCycle(e.getKey(), e.getValue())).toList());
    }

    private static Cycle toCycle(Row row) {
        long intervals = row.getLong("intervals");
        if (intervals == 0) {
            return Cycle.NONE;
        }
        Double[] quartiles = row.getArrayOfDoubles("quartiles");
        return new Cycle(intervals, days(row.getDouble("mean")), days(quartiles[0]), days(quartiles[1]),
                days(quartiles[2]));
    }

    private static CohortsView toCohorts(CohortQuery query, YearMonth currentMonth, RowSet<Row> rows) {
        Map<YearMonth, long[]> counts = new TreeMap<>();
        for (Row row : rows) {
            YearMonth cohort = YearMonth.from(row.getLocalDate("cohort"));
            counts.computeIfAbsent(cohort, c -> new long[query.periods()])[row.getInteger("period")] =
                    row.getLong("customers");
        }
        List<CohortsView.Cohort> cohorts = new ArrayList<>();
        counts.forEach((cohort, retained) -> {
            long size = retained[0]; // every customer of a cohort paid in its month: offset 0 is the cohort's size
            List<CohortsView.Period> periods = new ArrayList<>();
            for (int offset = 0; offset < query.periods(); offset++) {
                YearMonth month = cohort.plusMonths(offset);
                boolean begun = !month.isAfter(currentMonth);
                periods.add(new CohortsView.Period(offset, month.toString(), begun ? retained[offset] : null,
                        begun ? percent(BigDecimal.valueOf(retained[offset]), BigDecimal.valueOf(size)) : null));
            }
            cohorts.add(new CohortsView.Cohort(cohort.toString(), size, List.copyOf(periods)));
        });
        return new CohortsView(query.from() == null ? null : query.from().toString(),
                query.to() == null ? null : query.to().toString(), query.periods(), List.copyOf(cohorts));
    }

    /** {@code part} as a percentage of {@code whole}, 2 decimals; null when the whole is zero. */
    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(Double days) {
        return days == null ? null : BigDecimal.valueOf(days).setScale(2, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
