package io.lodestar.campaign.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lodestar.campaign.audience.AudienceSnapshotter;
import io.lodestar.campaign.audience.AudienceUnavailableException;
import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignRepository;
import io.lodestar.campaign.campaign.CampaignService;
import io.lodestar.campaign.campaign.CampaignStatus;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.contracts.MessageChannel;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drives a broadcast run to its end: snapshot page after page, then dispatch page after page, each page one
 * transaction that moves the run's cursor. Several replicas may try the same run: the run row is locked and its
 * cursor compared in every page's transaction, so a page is decided once; a crash loses at most the page in flight,
 * which the next attempt decides again under the same idempotency keys.
 */
@ApplicationScoped
public class RunDriver {

    private final Pool pool;
    private final CampaignRunRepository runs;
    private final CampaignRepository campaigns;
    private final CampaignService campaignService;
    private final AudienceSnapshotter snapshotter;
    private final DispatchService dispatch;
    private final int pageSize;
    private final Set<UUID> driving = ConcurrentHashMap.newKeySet();

    public RunDriver(Pool pool, CampaignRunRepository runs, CampaignRepository campaigns,
                     CampaignService campaignService, AudienceSnapshotter snapshotter, DispatchService dispatch,
                     CampaignConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.snapshotter = snapshotter;
        this.dispatch = dispatch;
        this.pageSize = config.dispatch().pageSize();
    }

    /** Starts driving the run here unless this replica already is; returns at once. */
    public void launch(UUID runId) {
        if (!driving.add(runId)) {
            return;
        }
        drive(runId).subscribe().with(
                ignored -> driving.remove(runId),
                failure -> {
                    driving.remove(runId);
                    Log.errorf(failure, "run %s stopped; the next scheduler pass retries it", runId);
                });
    }

    /** Drives a run until it is done, its campaign stops running, or it fails. */
    public Uni<Void> drive(UUID runId) {
        return Uni.createFrom().deferred(() -> step(runId))
                .repeat().whilst(more -> more)
                .collect().last().replaceWithVoid();
    }

    private record RunState(CampaignRun run, Campaign campaign) {
    }

    /** One page of the run; true while there is more to do. */
    Uni<Boolean> step(UUID runId) {
        return pool.withConnection(connection -> runs.find(connection, runId).chain(found -> found.isEmpty()
                        ? Uni.createFrom().<RunState>nullItem()
                        : campaigns.find(connection, found.get().campaignId())
                                .map(campaign -> new RunState(found.get(), campaign.orElseThrow()))))
                .chain(state -> {
                    if (state == null || state.run().phase() == CampaignRun.Phase.DONE
                            || state.campaign().status() != CampaignStatus.RUNNING) {
                        return Uni.createFrom().item(false);
                    }
                    return state.run().phase() == CampaignRun.Phase.SNAPSHOTTING
                            ? snapshot(state.campaign(), state.run())
                            : dispatchPage(state.campaign(), state.run());
                })
                // Another replica holds the run: leave it to them; the next scheduler pass looks again.
                .onFailure(DispatchService.StaleBatchException.class).recoverWithItem(false);
    }

    private Uni<Boolean> snapshot(Campaign campaign, CampaignRun run) {
        return snapshotter.step(campaign, run)
                .onFailure(AudienceUnavailableException.class).recoverWithUni(failure -> {
                    String reason = failure.getMessage();
                    Log.warnf("campaign %s paused: %s", campaign.id(), reason);
                    return pool.withTransaction(connection -> campaignService.pauseRunning(connection, campaign.id(),
                            reason)).replaceWith(false);
                });
    }

    private Uni<Boolean> dispatchPage(Campaign campaign, CampaignRun run) {
        Instant now = Instant.now();
        return pool.withConnection(connection -> runs.members(connection, run.runId(), run.dispatchCursor(), pageSize))
                .chain(members -> {
                    if (members.isEmpty()) {
                        return pool.withTransaction(connection -> runs.claim(connection, run).chain(claimed -> claimed
                                ? runs.finish(connection, run.runId(), now) : Uni.createFrom().voidItem()))
                                .replaceWith(false);
                    }
                    String last = members.get(members.size() - 1).customerId();
                    List<Delivery> deliveries = deliveries(campaign, run, members);
                    return dispatch.deliver(campaign, deliveries, now, new DispatchService.Commit() {
                        @Override
                        public Uni<Boolean> claim(SqlConnection connection) {
                            return runs.claim(connection, run);
                        }

                        @Override
                        public Uni<Void> record(SqlConnection connection, DeliveryOutcome outcome,
                                                Set<UUID> inserted) {
                            return runs.advance(connection, run.runId(), last, outcome);
                        }
                    }).replaceWith(true);
                });
    }

    private static List<Delivery> deliveries(Campaign campaign, CampaignRun run,
                                             List<CampaignRunRepository.Member> members) {
        CampaignDefinition definition = campaign.definition();
        List<MessageChannel> channels = definition.channels().stream()
                .map(CampaignDefinition.ChannelCost::channel).toList();
        boolean withOffer = definition.offer() != null;
        List<Delivery> deliveries = new ArrayList<>(members.size());
        for (CampaignRunRepository.Member member : members) {
            if (!Groups.receivesMessage(member.group())) {
                continue;
            }
            deliveries.add(new Delivery(campaign, run.runId(), null, run.stepKey(), run.stepKey(), member.customerId(),
                    member.group(), Groups.template(definition, member.group()), channels, withOffer));
        }
        return deliveries;
    }
}
