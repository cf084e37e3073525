package io.lodestar.segmentation.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.alert.AlertRaised;
import io.lodestar.contracts.alert.AlertResolved;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Evaluates the alert rules and keeps their incidents. A rule is judged on the last <b>closed</b> UTC hour before
 * {@code asOf} (with windowHours &gt; 1, the closed hours ending there): the current hour is still filling, and a
 * partial hour would always look like a drop. Each rule is evaluated in its own transaction under its advisory lock
 * (one replica at a time), and an hour already evaluated is not evaluated again.
 * <p>
 * Lifecycle: one open alert per rule and dimension. Out of range with none open raises one ({@code alert.raised});
 * out of range with one open updates its last values, so duplicates of an ongoing incident are suppressed; in range
 * for {@code resolveAfterHours} consecutive hours resolves it ({@code alert.resolved}). Quiet windows (below the
 * minimum volume) and windows without enough baseline change nothing. The alert row, the rule's mark and the event
 * commit together with the outbox row; events are keyed by the rule id.
 */
@ApplicationScoped
public class AlertService {

    static final String PRODUCER = "segmentation-service";
    static final int MAX_PAGE = 1000;

    private final Pool pool;
    private final AlertRepository alerts;
    private final AlertRuleRepository rules;
    private final MetricRegistry metrics;
    private final OutboxService outbox;

    public AlertService(Pool pool, AlertRepository alerts, AlertRuleRepository rules, MetricRegistry metrics,
                        OutboxService outbox) {
        this.pool = pool;
        this.alerts = alerts;
        this.rules = rules;
        this.metrics = metrics;
        this.outbox = outbox;
    }

    /**
     * Evaluates every enabled rule as of {@code asOf}; a rule another replica is evaluating is skipped, and a rule whose
     * evaluation fails is logged and skipped (the others go on; it is tried again at the next tick).
     */
    public Uni<List<EvaluationView>> evaluate(Instant asOf) {
        return rules.enabledIds().onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> evaluateRule(id, asOf, false)
                        .onFailure().invoke(e -> Log.warnf(e, "Alert rule %s: evaluation as of %s failed", id, asOf))
                        .onFailure().recoverWithNull())
                .filter(java.util.Objects::nonNull)
                .collect().asList();
    }

    /**
     * Evaluates one rule as of {@code asOf} (ISO-8601; absent: now), enabled or not, waiting for its lock if another
     * evaluation holds it.
     */
    public Uni<EvaluationView> evaluate(String ruleId, String asOf) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant at = instant("asOf", asOf, violations);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(violations));
        }
        return evaluate(ruleId, at == null ? Instant.now() : at);
    }

    /** Evaluates one rule as of {@code asOf}, enabled or not, waiting for its lock if another evaluation holds it. */
    public Uni<EvaluationView> evaluate(String ruleId, Instant asOf) {
        return rules.find(ruleId).chain(found -> found.isEmpty()
                ? Uni.createFrom().failure(ResourceNotFoundException.of("alert rule", ruleId))
                : evaluateRule(ruleId, asOf, true));
    }

    private Uni<EvaluationView> evaluateRule(String ruleId, Instant asOf, boolean waitForLock) {
        Instant to = asOf.truncatedTo(ChronoUnit.HOURS);
        return pool.withTransaction(connection -> alerts.lockRule(connection, ruleId, waitForLock).chain(locked -> {
            if (!locked) {
                return Uni.createFrom().nullItem(); // another replica evaluates it
            }
            return rules.findForUpdate(connection, ruleId).chain(found -> {
                if (found.isEmpty()) {
                    return Uni.createFrom().nullItem(); // deleted meanwhile
                }
                AlertRule rule = found.get();
                Instant from = to.minus(Duration.ofHours(rule.windowHours()));
                if (rule.evaluatedUntil() != null && !to.isAfter(rule.evaluatedUntil())) {
                    return Uni.createFrom().item(new EvaluationView(ruleId, from, to, null, "already_evaluated",
                            null));
                }
                MetricRegistry.Source source = metrics.require(rule.metric(), "metric");
                return source.series().hourly(rule.metric(), rule.channel(), rule.seriesStart(from), to)
                        .map(series -> rule.evaluate(series, from, to, source.metric().ratio()))
                        .chain(verdict -> alerts.findOpen(connection, ruleId, rule.dimension())
                                .chain(open -> step(connection, rule, verdict, open, from, to)))
                        .call(() -> rules.markEvaluated(connection, ruleId, to));
            });
        }));
    }

    /** The incident's next state after one verdict; events go to the outbox of the same transaction. */
    private Uni<EvaluationView> step(SqlConnection connection, AlertRule rule, Verdict verdict,
                                     Optional<AlertView> open, Instant from, Instant to) {
        boolean anomalous = verdict.outcome() == Verdict.Outcome.ANOMALOUS;
        boolean normal = verdict.outcome() == Verdict.Outcome.NORMAL;
        if (open.isEmpty()) {
            if (!anomalous) {
                return Uni.createFrom().item(view(rule, from, to, verdict, "none", null));
            }
            AlertView alert = new AlertView(UUID.randomUUID().toString(), rule.id(), rule.metric(), rule.dimension(),
                    rule.severity(), AlertView.OPEN, raisedMessage(rule, verdict, from, to), verdict.observed(),
                    verdict.expected(), from, to, verdict.observed(), verdict.expected(), to, 0, from, null);
            EventEnvelope<AlertRaised> event = EventEnvelope.of(EventType.ALERT_RAISED, PRODUCER, null,
                    new AlertRaised(alert.alertId(), alert.metric(), alert.dimension(), alert.observed(),
                            alert.expected(), alert.severity(), alert.message(), from, to));
            return alerts.insert(connection, alert)
                    .chain(() -> outbox.enqueueAll(connection, List.of(event), e -> rule.id()))
                    .replaceWith(view(rule, from, to, verdict, "raised", alert.alertId()));
        }
        AlertView alert = open.get();
        if (anomalous) {
            return alerts.update(connection, alert.alertId(), verdict.observed(), verdict.expected(), to, 0, null)
                    .replaceWith(view(rule, from, to, verdict, "ongoing", alert.alertId()));
        }
        if (!normal) { // quiet, or no baseline: neither worse nor better
            return Uni.createFrom().item(view(rule, from, to, verdict, "none", alert.alertId()));
        }
        int normalHours = alert.normalHours() + 1;
        if (normalHours < rule.resolveAfterHours()) {
            return alerts.update(connection, alert.alertId(), verdict.observed(), verdict.expected(), to, normalHours,
                    null).replaceWith(view(rule, from, to, verdict, "recovering", alert.alertId()));
        }
        String message = rule.name() + ": " + label(rule) + " back in range, " + Numbers.format(verdict.observed())
                + " in " + from + " to " + to + " (" + verdict.explanation() + ")";
        EventEnvelope<AlertResolved> event = EventEnvelope.of(EventType.ALERT_RESOLVED, PRODUCER, null,
                new AlertResolved(alert.alertId(), alert.metric(), message, to));
        return alerts.update(connection, alert.alertId(), verdict.observed(), verdict.expected(), to, normalHours, to)
                .chain(() -> outbox.enqueueAll(connection, List.of(event), e -> rule.id()))
                .replaceWith(view(rule, from, to, verdict, "resolved", alert.alertId()));
    }

    /** A page of alerts, the latest started first; every malformed parameter is a 400 naming it. */
    public Uni<CursorPage<AlertView>> list(String status, String metric, String ruleId, String from, String to,
                                           String cursor, int limit) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (status != null && !AlertView.OPEN.equals(status) && !AlertView.RESOLVED.equals(status)) {
            violations.add(new Problem.Violation("status", "must be open or resolved"));
        }
        if (metric != null && metrics.find(metric).isEmpty()) {
            violations.add(metrics.unknown(metric, "metric"));
        }
        Instant fromInstant = instant("from", from, violations);
        Instant toInstant = instant("to", to, violations);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            violations.add(new Problem.Violation("from", "must not be after to"));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            violations.add(new Problem.Violation("limit", "must be 1 to " + MAX_PAGE + ", was " + limit));
        }
        String after = cursorKey(cursor, violations);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException(violations));
        }
        Instant afterStartedAt = after == null ? null : Instant.parse(after.substring(0, after.indexOf('|')));
        String afterId = after == null ? null : after.substring(after.indexOf('|') + 1);
        return alerts.page(new AlertRepository.AlertFilter(status, metric, ruleId, fromInstant, toInstant,
                        afterStartedAt, afterId), limit + 1)
                .map(rows -> CursorPage.of(rows, limit, a -> a.startedAt() + "|" + a.alertId(), a -> a));
    }

    private static String raisedMessage(AlertRule rule, Verdict verdict, Instant from, Instant to) {
        return rule.name() + ": " + label(rule) + " " + Numbers.format(verdict.observed()) + " in " + from + " to "
                + to + ", expected " + Numbers.format(verdict.expected()) + " (" + verdict.explanation() + ")";
    }

    private static String label(AlertRule rule) {
        return rule.metric() + (rule.dimension() == null ? "" : " (" + rule.dimension() + ")");
    }

    private static EvaluationView view(AlertRule rule, Instant from, Instant to, Verdict verdict, String action,
                                       String alertId) {
        return new EvaluationView(rule.id(), from, to, verdict, action, alertId);
    }

    private static Instant instant(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z"));
            return null;
        }
    }

    /** The cursor's key {@code <startedAt>|<alertId>}, or a violation naming the cursor. */
    private static String cursorKey(String cursor, List<Problem.Violation> violations) {
        try {
            String key = CursorPage.decode(cursor);
            if (key != null) {
                int bar = key.indexOf('|');
                if (bar < 0) {
                    throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
                }
                Instant.parse(key.substring(0, bar));
            }
            return key;
        } catch (InvalidInputException | DateTimeParseException e) {
            violations.add(new Problem.Violation("cursor", "is not a cursor returned by this listing"));
            return null;
        }
    }
}
