package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lodestar.contracts.alert.Severity;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.segmentation.Slugs;
import io.lodestar.segmentation.config.AlertConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Alert rules: validated against the metric registry and their kind (a threshold rule names a limit and a side; a
 * seasonal rule a number of weeks and a band), stored with every default applied. The id is the name's slug.
 */
@ApplicationScoped
public class AlertRuleService {

    static final int DEFAULT_WINDOW_HOURS = 1;
    static final int DEFAULT_WEEKS = 4;
    static final double DEFAULT_BAND = 0.4;

    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final MetricRegistry metrics;
    private final AlertConfig config;

    public AlertRuleService(AlertRuleRepository rules, AlertRepository alerts, MetricRegistry metrics,
                            AlertConfig config) {
        this.rules = rules;
        this.alerts = alerts;
        this.metrics = metrics;
        this.config = config;
    }

    public Uni<AlertRuleView> create(@NotNull @Valid AlertRuleRequest request) {
        Instant now = Instant.now();
        AlertRule rule = define(Slugs.of(request.name()), request, null, now, now);
        return rules.insert(rule).map(inserted -> {
            if (!inserted) {
                throw new ConflictException("an alert rule named '" + request.name() + "' (id " + rule.id()
                        + ") exists already");
            }
            return AlertRuleView.of(rule);
        });
    }

    /** Replaces a rule; changing what it watches (metric, channel) is refused (409) while it has an open alert. */
    public Uni<AlertRuleView> replace(String id, @NotNull @Valid AlertRuleRequest request) {
        return require(id).chain(existing -> {
            AlertRule rule = define(id, request, existing.evaluatedUntil(), existing.createdAt(), Instant.now());
            boolean watchesOther = !existing.metric().equals(rule.metric()) || existing.channel() != rule.channel();
            Uni<Boolean> open = watchesOther ? alerts.hasOpen(id) : Uni.createFrom().item(false);
            return open.chain(hasOpen -> {
                if (hasOpen) {
                    return Uni.createFrom().failure(new ConflictException("alert rule " + id
                            + " has an open alert on " + existing.metric()
                            + "; its metric and channel can change once it is resolved"));
                }
                return rules.replace(rule).map(replaced -> {
                    if (!replaced) {
                        throw new ConflictException("another alert rule is named '" + request.name() + "'");
                    }
                    return AlertRuleView.of(rule);
                });
            });
        });
    }

    /** Deletes a rule without an open alert (its resolved alerts stay listed); 409 while one is open. */
    public Uni<Void> delete(String id) {
        return require(id).chain(rule -> alerts.hasOpen(id)).chain(open -> open
                ? Uni.createFrom().failure(new ConflictException("alert rule " + id
                        + " has an open alert; disable the rule (enabled: false) or wait for the resolution"))
                : rules.delete(id).replaceWithVoid());
    }

    public Uni<AlertRuleView> get(String id) {
        return require(id).map(AlertRuleView::of);
    }

    public Uni<List<AlertRuleView>> list() {
        return rules.all().map(all -> all.stream().map(AlertRuleView::of).toList());
    }

    /** The metrics rules can name. */
    public Uni<List<AlertMetric>> metrics() {
        return Uni.createFrom().item(metrics.metrics());
    }

    Uni<AlertRule> require(String id) {
        return rules.find(id).map(found -> found.orElseThrow(() -> ResourceNotFoundException.of("alert rule", id)));
    }

    /** The request with its defaults, or a 400 naming every field that does not fit the kind or the registry. */
    AlertRule define(String id, AlertRuleRequest r, Instant evaluatedUntil, Instant createdAt, Instant updatedAt) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (metrics.find(r.metric()).isEmpty()) {
            violations.add(metrics.unknown(r.metric(), "metric"));
        }
        boolean seasonal = r.kind() == RuleKind.SEASONAL;
        Comparison comparison = r.comparison();
        Integer weeks = null;
        Integer minBaselineWeeks = null;
        Double band = null;
        if (seasonal) {
            if (r.threshold() != null) {
                violations.add(new Problem.Violation("threshold", "is for threshold rules; a seasonal rule has a band"));
            }
            comparison = comparison == null ? Comparison.OUTSIDE : comparison;
            weeks = r.weeks() == null ? DEFAULT_WEEKS : r.weeks();
            band = r.band() == null ? DEFAULT_BAND : r.band();
            minBaselineWeeks = r.minBaselineWeeks() == null ? (weeks + 1) / 2 : r.minBaselineWeeks();
            if (minBaselineWeeks > weeks) {
                violations.add(new Problem.Violation("minBaselineWeeks", "must be at most weeks (" + weeks + "), was "
                        + minBaselineWeeks));
            }
        } else {
            if (r.threshold() == null) {
                violations.add(new Problem.Violation("threshold", "is required for a threshold rule"));
            } else if (!Double.isFinite(r.threshold())) {
                violations.add(new Problem.Violation("threshold", "must be a finite number"));
            }
            if (comparison == null || comparison == Comparison.OUTSIDE) {
                violations.add(new Problem.Violation("comparison", "must be above or below for a threshold rule"));
            }
            for (String seasonalOnly : seasonalFieldsGiven(r)) {
                violations.add(new Problem.Violation(seasonalOnly, "is for seasonal rules only"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new AlertRule(id, r.name().strip(), r.kind(), r.metric(), r.channel(), comparison, r.threshold(),
                r.windowHours() == null ? DEFAULT_WINDOW_HOURS : r.windowHours(), weeks, band, minBaselineWeeks,
                r.minVolume() == null ? 0 : r.minVolume(), r.severity() == null ? Severity.WARNING : r.severity(),
                r.resolveAfterHours() == null ? config.resolveAfterHours() : r.resolveAfterHours(),
                r.enabled() == null || r.enabled(), evaluatedUntil, createdAt, updatedAt);
    }

    private static List<String> seasonalFieldsGiven(AlertRuleRequest r) {
        List<String> given = new ArrayList<>();
        if (r.weeks() != null) {
            given.add("weeks");
        }
        if (r.band() != null) {
            given.add("band");
        }
        if (r.minBaselineWeeks() != null) {
            given.add("minBaselineWeeks");
        }
        return given;
    }
}
