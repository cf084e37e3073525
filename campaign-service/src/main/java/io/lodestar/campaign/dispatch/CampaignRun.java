package io.lodestar.campaign.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * One dispatch of a broadcast campaign (see {@code campaign_run}).
 *
 * @param snapshotSource which audience source the snapshot is at: segments in order, then the uploaded ids, then
 *                       the exclusion segments
 * @param snapshotCursor where in that source (segmentation's cursor, or an offset into the uploaded ids)
 */
public record CampaignRun(UUID runId, String campaignId, int occurrence, Phase phase, int snapshotSource,
                          String snapshotCursor, String dispatchCursor, int targeted, int dispatched, int held,
                          int skipped, Instant startedAt, Instant snapshotAt, Instant finishedAt) {

    public enum Phase {
        SNAPSHOTTING, DISPATCHING, DONE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String stepKey() {
        return "run-" + occurrence;
    }
}
