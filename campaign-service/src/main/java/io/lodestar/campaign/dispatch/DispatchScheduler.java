package io.lodestar.campaign.dispatch;

import java.time.Instant;
import java.util.UUID;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.campaign.CampaignStatus;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The dispatcher's clock: every second it starts the runs that are due (and moves due journeys to running), drives
 * every unfinished run of a running campaign, releases held messages whose window opened, and completes broadcasts
 * with nothing left to do. Every step is safe on several replicas at once (row locks and idempotency keys).
 */
@ApplicationScoped
public class DispatchScheduler {

    static final int DUE_PER_PASS = 20;

    private final Pool pool;
    private final CampaignRepository campaigns;
    private final CampaignRunRepository runs;
    private final RunDriver driver;
    private final HeldReleaser releaser;

    public DispatchScheduler(Pool pool, CampaignRepository campaigns, CampaignRunRepository runs, RunDriver driver,
                             HeldReleaser releaser) {
        this.pool = pool;
        this.campaigns = campaigns;
        this.runs = runs;
        this.driver = driver;
        this.releaser = releaser;
    }

    @Scheduled(identity = "lodestar-campaign-dispatch", every = "${lodestar.campaign.dispatch.tick:1s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        Instant now = Instant.now();
        return startDue(now)
                .chain(() -> pool.withConnection(runs::active))
                .invoke(active -> active.forEach(run -> driver.launch(run.runId())))
                .chain(() -> releaser.releaseDue(now))
                .chain(() -> completeFinished(now))
                .onFailure().invoke(failure -> Log.warnf("dispatch pass failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Starts what is due: a broadcast gets its next run (and its next due time), a journey starts taking entrants. */
    Uni<Void> startDue(Instant now) {
        return pool.withTransaction(connection -> campaigns.dueForUpdate(connection, now, DUE_PER_PASS)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(campaign -> {
                    if (campaign.definition().isJourney()) {
                        return campaigns.move(connection, campaign.id(), campaign.status(), CampaignStatus.RUNNING,
                                null, null, now).replaceWithVoid();
                    }
                    int occurrence = campaign.runsStarted() + 1;
                    return runs.insert(connection, UUID.randomUUID(), campaign.id(), occurrence, now)
                            .chain(() -> campaigns.runStarted(connection, campaign.id(), nextRun(campaign, now), now));
                }).collect().last()));
    }

    /** When the run after this one is due: only recurring schedules have one, until their end. */
    static Instant nextRun(Campaign campaign, Instant now) {
        CampaignDefinition.Schedule schedule = campaign.definition().schedule();
        if (schedule == null || schedule.type() != CampaignDefinition.ScheduleType.RECURRING) {
            return null;
        }
        Instant next = campaign.nextRunAt().plus(schedule.every());
        while (!next.isAfter(now)) {
            next = next.plus(schedule.every());
        }
        return schedule.until() != null && next.isAfter(schedule.until()) ? null : next;
    }

    private Uni<Void> completeFinished(Instant now) {
        return pool.withTransaction(connection -> runs.finishedBroadcasts(connection)
                .chain(ids -> Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id ->
                        campaigns.move(connection, id, CampaignStatus.RUNNING, CampaignStatus.COMPLETED, null, null,
                                now)).collect().last()))
                .replaceWithVoid();
    }
}
