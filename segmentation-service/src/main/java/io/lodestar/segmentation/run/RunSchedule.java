package io.lodestar.segmentation.run;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The scheduled runs: a full run monthly and a daily refresh, so that time-relative segments (90 days without an
 * order → at risk) change without any new event. Crons from {@code lodestar.runs.*-cron}; "off" disables one.
 */
@ApplicationScoped
public class RunSchedule {

    private final SegmentationRunService runs;

    public RunSchedule(SegmentationRunService runs) {
        this.runs = runs;
    }

    @Scheduled(identity = "lodestar-segmentation-full", cron = "${lodestar.runs.full-cron:0 0 3 1 * ?}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> fullRun() {
        return runs.startScheduled();
    }

    @Scheduled(identity = "lodestar-segmentation-refresh", cron = "${lodestar.runs.refresh-cron:0 30 3 * * ?}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> dailyRefresh() {
        return runs.startScheduled();
    }
}
