package io.lodestar.campaign.dispatch;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broadcast run as operators follow it. */
public record CampaignRunView(
        UUID runId,
        int occurrence,
        @Schema(description = "snapshotting, dispatching or done") String phase,
        @Schema(description = "Audience members snapshotted (control group and holdout included)") int targeted,
        int dispatched,
        @Schema(description = "Held for the customer's send window") int held,
        int skipped,
        Instant startedAt,
        Instant snapshotAt,
        Instant finishedAt) {

    public static CampaignRunView of(CampaignRun run) {
        return new CampaignRunView(run.runId(), run.occurrence(), run.phase().wire(), run.targeted(),
                run.dispatched(), run.held(), run.skipped(), run.startedAt(), run.snapshotAt(), run.finishedAt());
    }
}
