package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.alert.Severity;
import io.lodestar.platform.persistence.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Alerts in PostgreSQL ({@code alert}, V8) and the evaluation lock. */
@ApplicationScoped
public class AlertRepository {

    /**
     * The first key of the per-rule evaluation lock (ASCII "aler"); the second is the hash of the rule id. It is
     * transaction-scoped, so it is released at commit or rollback, also when a replica dies mid-evaluation.
     */
    static final int EVALUATION_LOCK = 0x616c6572;

    private static final String COLUMNS = "alert_id, rule_id, metric, dimension, severity, status, message, observed, "
            + "expected, window_start, window_end, last_observed, last_expected, last_window_end, normal_hours, "
            + "started_at, resolved_at";

    /** The filters of a listing; null means any. {@code afterStartedAt}/{@code afterId}: the last row of a page. */
    public record AlertFilter(String status, String metric, String ruleId, Instant from, Instant to,
            Instant afterStartedAt, String afterId) {
    }

    private final Pool pool;

    public AlertRepository(Pool pool) {
        this.pool = pool;
    }

    /** Takes the rule's evaluation lock for the transaction: at once or not at all ({@code wait} false), or waiting. */
    public Uni<Boolean> lockRule(SqlConnection connection, String ruleId, boolean wait) {
        String sql = wait ? "SELECT true FROM (SELECT pg_advisory_xact_lock($1, hashtext($2))) AS locked"
                : "SELECT pg_try_advisory_xact_lock($1, hashtext($2))";
        return connection.preparedQuery(sql).execute(Tuple.of(EVALUATION_LOCK, ruleId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The open alert of a rule on a dimension, locked for the caller's transaction. */
    public Uni<Optional<AlertView>> findOpen(SqlConnection connection, String ruleId, String dimension) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM alert WHERE rule_id = $1 AND status = 'open' "
                        + "AND coalesce(dimension, '') = coalesce($2, '') FOR UPDATE")
                .execute(Tuple.of(ruleId, dimension))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toAlert(rows.iterator().next())));
    }

    public Uni<Boolean> hasOpen(String ruleId) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM alert WHERE rule_id = $1 AND status = 'open')")
                .execute(Tuple.of(ruleId)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Void> insert(SqlConnection connection, AlertView a) {
        return connection.preparedQuery("INSERT INTO alert (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                        + "$9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .execute(Tuple.from(new Object[] {a.alertId(), a.ruleId(), a.metric(), a.dimension(),
                        WireNames.of(a.severity()), a.status(), a.message(), a.observed(), a.expected(),
                        SqlTimes.utc(a.windowStart()), SqlTimes.utc(a.windowEnd()), a.lastObserved(),
                        a.lastExpected(), SqlTimes.utc(a.lastWindowEnd()), a.normalHours(),
                        SqlTimes.utc(a.startedAt()), SqlTimes.utc(a.resolvedAt())}))
                .replaceWithVoid();
    }

    /** Records a later evaluation of an open alert; a non-null {@code resolvedAt} resolves it. */
    public Uni<Void> update(SqlConnection connection, String alertId, double observed, double expected,
                            Instant windowEnd, int normalHours, Instant resolvedAt) {
        return connection.preparedQuery("""
                UPDATE alert SET last_observed = $2, last_expected = $3, last_window_end = $4, normal_hours = $5,
                       resolved_at = $6, status = CASE WHEN $6::timestamptz IS NULL THEN 'open' ELSE 'resolved' END
                WHERE alert_id = $1""")
                .execute(Tuple.from(new Object[] {alertId, observed, expected, SqlTimes.utc(windowEnd), normalHours,
                        SqlTimes.utc(resolvedAt)}))
                .replaceWithVoid();
    }

    /** Up to {@code limit} alerts matching the filter, the latest started first. */
    public Uni<List<AlertView>> page(AlertFilter f, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + """
                 FROM alert
                WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR metric = $2)
                  AND ($3::text IS NULL OR rule_id = $3)
                  AND ($4::timestamptz IS NULL OR started_at >= $4) AND ($5::timestamptz IS NULL OR started_at < $5)
                  AND ($6::timestamptz IS NULL OR (started_at, alert_id) < ($6::timestamptz, $7::text))
                ORDER BY started_at DESC, alert_id DESC LIMIT $8""")
                .execute(Tuple.from(new Object[] {f.status(), f.metric(), f.ruleId(), SqlTimes.utc(f.from()),
                        SqlTimes.utc(f.to()), SqlTimes.utc(f.afterStartedAt()), f.afterId(), limit}))
                .map(rows -> {
                    List<AlertView> alerts = new ArrayList<>(rows.size());
                    rows.forEach(row -> alerts.add(toAlert(row)));
                    return alerts;
                });
    }

    private static AlertView toAlert(Row row) {
        return new AlertView(row.getString("alert_id"), row.getString("rule_id"), row.getString("metric"),
                row.getString("dimension"), WireNames.parse(Severity.class, row.getString("severity")).orElseThrow(),
                row.getString("status"), row.getString("message"), row.getDouble("observed"),
                row.getDouble("expected"), SqlTimes.instant(row, "window_start"), SqlTimes.instant(row, "window_end"),
                row.getDouble("last_observed"), row.getDouble("last_expected"),
                SqlTimes.instant(row, "last_window_end"), row.getInteger("normal_hours"),
                SqlTimes.instant(row, "started_at"), SqlTimes.instant(row, "resolved_at"));
    }
}
