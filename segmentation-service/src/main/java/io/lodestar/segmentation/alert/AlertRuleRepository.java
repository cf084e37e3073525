package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.alert.Severity;
import io.lodestar.platform.persistence.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Alert rules in PostgreSQL ({@code alert_rule}, V8). */
@ApplicationScoped
public class AlertRuleRepository {

    private static final String COLUMNS = "rule_id, name, kind, metric, channel, comparison, threshold, window_hours, "
            + "weeks, band, min_baseline_weeks, min_volume, severity, resolve_after_hours, enabled, evaluated_until, "
            + "created_at, updated_at";

    private final Pool pool;

    public AlertRuleRepository(Pool pool) {
        this.pool = pool;
    }

    /** False when a rule of that id (name slug) or name exists. */
    public Uni<Boolean> insert(AlertRule rule) {
        return pool.preparedQuery("INSERT INTO alert_rule (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                        + "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT DO NOTHING")
                .execute(tuple(rule)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Replaces a rule's definition; false when the id is unknown or the new name is another rule's. The evaluation
     * mark stays: a changed rule judges the next closed hour, not the past ones again.
     */
    public Uni<Boolean> replace(AlertRule rule) {
        return pool.preparedQuery("""
                UPDATE alert_rule SET name = $2, kind = $3, metric = $4, channel = $5, comparison = $6, threshold = $7,
                       window_hours = $8, weeks = $9, band = $10, min_baseline_weeks = $11, min_volume = $12,
                       severity = $13, resolve_after_hours = $14, enabled = $15, updated_at = $16
                WHERE rule_id = $1 AND NOT EXISTS (SELECT 1 FROM alert_rule o WHERE o.name = $2 AND o.rule_id <> $1)""")
                .execute(Tuple.from(definition(rule, SqlTimes.utc(rule.updatedAt()))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM alert_rule WHERE rule_id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<AlertRule>> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM alert_rule WHERE rule_id = $1").execute(Tuple.of(id))
                .map(AlertRuleRepository::first);
    }

    public Uni<List<AlertRule>> all() {
        return list(pool, "SELECT " + COLUMNS + " FROM alert_rule ORDER BY name");
    }

    /** The ids of the enabled rules, for the scheduler. */
    public Uni<List<String>> enabledIds() {
        return pool.query("SELECT rule_id FROM alert_rule WHERE enabled ORDER BY rule_id").execute().map(rows -> {
            List<String> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getString("rule_id")));
            return ids;
        });
    }

    /** The rule, locked for the caller's transaction (the evaluation that may move its mark). */
    public Uni<Optional<AlertRule>> findForUpdate(SqlConnection connection, String id) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM alert_rule WHERE rule_id = $1 FOR UPDATE")
                .execute(Tuple.of(id)).map(AlertRuleRepository::first);
    }

    public Uni<Void> markEvaluated(SqlConnection connection, String id, Instant until) {
        return connection.preparedQuery("UPDATE alert_rule SET evaluated_until = $2 WHERE rule_id = $1")
                .execute(Tuple.of(id, SqlTimes.utc(until))).replaceWithVoid();
    }

    private static Uni<List<AlertRule>> list(SqlClient client, String sql) {
        return client.query(sql).execute().map(rows -> {
            List<AlertRule> rules = new ArrayList<>(rows.size());
            rows.forEach(row -> rules.add(toRule(row)));
            return rules;
        });
    }

    private static Optional<AlertRule> first(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(toRule(rows.iterator().next()));
    }

    private static Tuple tuple(AlertRule r) {
        return Tuple.from(definition(r, SqlTimes.utc(r.evaluatedUntil()), SqlTimes.utc(r.createdAt()),
                SqlTimes.utc(r.updatedAt())));
    }

    /** The definition's columns ($1 to $15) followed by {@code more}. */
    private static Object[] definition(AlertRule r, Object... more) {
        Object[] values = new Object[15 + more.length];
        Object[] head = {r.id(), r.name(), WireNames.of(r.kind()), r.metric(),
                r.channel() == null ? null : WireNames.of(r.channel()), WireNames.of(r.comparison()), r.threshold(),
                r.windowHours(), r.weeks(), r.band(), r.minBaselineWeeks(), r.minVolume(), WireNames.of(r.severity()),
                r.resolveAfterHours(), r.enabled()};
        System.arraycopy(head, 0, values, 0, head.length);
        System.arraycopy(more, 0, values, head.length, more.length);
        return values;
    }

    private static AlertRule toRule(Row row) {
        String channel = row.getString("channel");
        return new AlertRule(row.getString("rule_id"), row.getString("name"),
                WireNames.parse(RuleKind.class, row.getString("kind")).orElseThrow(), row.getString("metric"),
                channel == null ? null : WireNames.parse(Channel.class, channel).orElseThrow(),
                WireNames.parse(Comparison.class, row.getString("comparison")).orElseThrow(),
                row.getDouble("threshold"), row.getInteger("window_hours"), row.getInteger("weeks"),
                row.getDouble("band"), row.getInteger("min_baseline_weeks"), row.getDouble("min_volume"),
                WireNames.parse(Severity.class, row.getString("severity")).orElseThrow(),
                row.getInteger("resolve_after_hours"), row.getBoolean("enabled"),
                SqlTimes.instant(row, "evaluated_until"), SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "updated_at"));
    }
}
