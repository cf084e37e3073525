package io.lodestar.segmentation.alert;

import java.time.Instant;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Evaluates every enabled alert rule on the last closed hour, every {@code lodestar.alerts.evaluate-every} ("off"
 * disables it; tests evaluate with an explicit instant). Every replica ticks; the per-rule advisory lock and the
 * rule's evaluation mark let one of them judge each hour once.
 */
@ApplicationScoped
public class AlertSchedule {

    private final AlertService alerts;

    public AlertSchedule(AlertService alerts) {
        this.alerts = alerts;
    }

    @Scheduled(identity = "lodestar-alert-evaluation", every = "${lodestar.alerts.evaluate-every:1m}",
            delayed = "10s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> evaluate() {
        return alerts.evaluate(Instant.now())
                .onItem().invoke(evaluations -> evaluations.stream()
                        .filter(e -> !"none".equals(e.action()) && !"already_evaluated".equals(e.action()))
                        .forEach(e -> Log.infof("Alert rule %s, %s to %s: %s", e.ruleId(), e.windowStart(),
                                e.windowEnd(), e.action())))
                .onFailure().invoke(e -> Log.warnf("Alert evaluation failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
