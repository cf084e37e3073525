package io.lodestar.campaign.peers;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.lodestar.campaign.config.PeersConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Audiences from segmentation-service. Failures are not hidden behind a fallback: a campaign must not go out to a
 * guessed audience, so the caller pauses the campaign with the reason instead.
 */
@ApplicationScoped
public class SegmentationClient {

    /** One page of members and the cursor of the next (null on the last page). */
    public record Members(List<String> customerIds, String nextCursor) {
    }

    private final SegmentationApi api;
    private final int pageSize;

    public SegmentationClient(@RestClient SegmentationApi api, PeersConfig config) {
        this.api = api;
        this.pageSize = config.segmentPageSize();
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Members> members(String segmentId, String cursor) {
        return api.members(segmentId, cursor, pageSize)
                .map(page -> new Members(page.items() == null ? List.of() : page.items(), page.nextCursor()));
    }
}
