package io.lodestar.campaign.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lodestar.campaign.campaign.Campaign;
import io.lodestar.campaign.campaign.CampaignDefinition;
import io.lodestar.campaign.campaign.CampaignValidator;
import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.dispatch.CampaignRun;
import io.lodestar.campaign.dispatch.CampaignRunRepository;
import io.lodestar.campaign.experiment.ExperimentDesign;
import io.lodestar.campaign.experiment.VariantAssigner;
import io.lodestar.campaign.peers.SegmentationClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Snapshots a run's audience, one page per step, so the report of the run can always be reproduced: the members of
 * the campaign's segments (from segmentation-service), then its uploaded ids, minus the members of its exclusion
 * segments, each with their experiment group. Every page commits with the snapshot's position, so a restarted
 * service continues where it stopped; a page already written is written again harmlessly (members are a set).
 */
@ApplicationScoped
public class AudienceSnapshotter {

    static final int UPLOADED_PAGE = 1000;
    private static final VariantAssigner ASSIGNER = new VariantAssigner();

    private final Pool pool;
    private final CampaignRunRepository runs;
    private final SegmentationClient segmentation;
    private final CampaignConfig config;

    public AudienceSnapshotter(Pool pool, CampaignRunRepository runs, SegmentationClient segmentation,
                               CampaignConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.segmentation = segmentation;
        this.config = config;
    }

    /**
     * Takes the next page of the snapshot (the last step ends it and starts the dispatch). Returns false when another
     * worker holds the run, so the caller stops rather than spin. A segmentation failure fails the {@code Uni}: the
     * caller pauses the campaign.
     */
    public Uni<Boolean> step(Campaign campaign, CampaignRun run) {
        CampaignDefinition.Audience audience = campaign.definition().audience();
        int segments = audience.segments().size();
        int source = run.snapshotSource();
        Instant now = Instant.now();
        if (source < segments) {
            return members(audience.segments().get(source), run.snapshotCursor())
                    .chain(page -> write(run, assign(campaign, page.customerIds()), List.of(),
                            page.nextCursor() == null ? source + 1 : source, page.nextCursor()));
        }
        if (source == segments) {
            int offset = run.snapshotCursor() == null ? 0 : Integer.parseInt(run.snapshotCursor());
            List<String> ids = audience.customerIds();
            int end = Math.min(ids.size(), offset + UPLOADED_PAGE);
            List<String> page = ids.subList(Math.min(offset, ids.size()), end);
            return write(run, assign(campaign, page), List.of(), end >= ids.size() ? source + 1 : source,
                    end >= ids.size() ? null : Integer.toString(end));
        }
        int exclusion = source - segments - 1;
        if (exclusion < audience.excludeSegments().size()) {
            return members(audience.excludeSegments().get(exclusion), run.snapshotCursor())
                    .chain(page -> write(run, List.of(), page.customerIds(),
                            page.nextCursor() == null ? source + 1 : source, page.nextCursor()));
        }
        return pool.withTransaction(connection -> runs.claim(connection, run).chain(claimed -> !claimed
                ? Uni.createFrom().item(false)
                : runs.finishSnapshot(connection, run.runId(), campaign.id(), now).replaceWith(true)));
    }

    private Uni<SegmentationClient.Members> members(String segmentId, String cursor) {
        return segmentation.members(segmentId, cursor)
                .onFailure().transform(failure -> new AudienceUnavailableException(segmentId, failure));
    }

    private Uni<Boolean> write(CampaignRun run, List<CampaignRunRepository.Member> add, List<String> remove,
                               int nextSource, String nextCursor) {
        return pool.withTransaction(connection -> runs.claim(connection, run).chain(claimed -> {
            if (!claimed) {
                Log.debugf("run %s: snapshot page already taken by another worker", run.runId());
                return Uni.createFrom().item(false);
            }
            Log.debugf("run %s: snapshot source %d: +%d -%d members, next %d/%s", run.runId(), run.snapshotSource(),
                    add.size(), remove.size(), nextSource, nextCursor);
            return runs.addMembers(connection, run.runId(), add)
                    .chain(() -> remove.isEmpty() ? Uni.createFrom().voidItem()
                            : runs.removeMembers(connection, run.runId(), remove))
                    .chain(() -> runs.moveSnapshot(connection, run.runId(), nextSource, nextCursor))
                    .replaceWith(true);
        }));
    }

    private List<CampaignRunRepository.Member> assign(Campaign campaign, List<String> customerIds) {
        ExperimentDesign design = CampaignValidator.design(campaign.definition(), config);
        List<CampaignRunRepository.Member> members = new ArrayList<>(customerIds.size());
        for (String customerId : customerIds) {
            members.add(new CampaignRunRepository.Member(customerId,
                    ASSIGNER.assign(campaign.id(), customerId, design).group()));
        }
        return members;
    }
}
