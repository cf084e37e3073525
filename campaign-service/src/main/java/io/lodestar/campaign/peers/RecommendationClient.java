package io.lodestar.campaign.peers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.lodestar.campaign.config.CampaignConfig;
import io.lodestar.campaign.config.PeersConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What to put into {{recommendations}}: recommendation-service's "message" scene for the customer. When it fails or
 * is slow the message still goes out, with popular items instead (the last popular list fetched, or the configured
 * fallback items before any was), and says so ({@link Picks#fallback()}).
 */
@ApplicationScoped
public class RecommendationClient {

    /** The picked items (ids and titles, in order) and whether they are the popular fallback. */
    public record Picks(List<String> itemIds, List<String> titles, boolean fallback) {
    }

    // Cold-start recommendations of a customer id nobody has: recommendation-service answers with popular items.
    static final String ANONYMOUS = "campaign-service-popular";

    private record Popular(Picks picks, Instant fetchedAt) {
    }

    private final RecommendationApi api;
    private final int k;
    private final PeersConfig peers;
    private final Picks configured;
    private final AtomicReference<Popular> popular = new AtomicReference<>();

    public RecommendationClient(@RestClient RecommendationApi api, CampaignConfig config, PeersConfig peers) {
        this.api = api;
        this.k = config.dispatch().recommendationsPerMessage();
        this.peers = peers;
        List<String> items = config.fallbackItems().orElse(List.of());
        this.configured = new Picks(items, items, true);
    }

    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "popularInstead")
    public Uni<Picks> forMessage(String customerId) {
        return api.recommend(customerId, "message", k).map(RecommendationClient::picks);
    }

    Uni<Picks> popularInstead(String customerId) {
        Popular cached = popular.get();
        if (cached != null && cached.fetchedAt().plus(peers.popularRefresh()).isAfter(Instant.now())) {
            return Uni.createFrom().item(cached.picks());
        }
        // Refresh the popular list; when even that fails, the last one fetched (however old) or the configured items.
        return api.popular(ANONYMOUS, "home", k).ifNoItem().after(java.time.Duration.ofMillis(800)).fail()
                .map(found -> {
                    Picks picks = picks(found);
                    Picks fallback = new Picks(picks.itemIds(), picks.titles(), true);
                    popular.set(new Popular(fallback, Instant.now()));
                    return fallback;
                })
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("recommendation-service unavailable (%s): configured fallback items", failure.toString());
                    return cached != null ? cached.picks() : configured;
                });
    }

    private static Picks picks(RecommendationApi.Recommendations found) {
        List<RecommendationApi.Item> items = found.items() == null ? List.of() : found.items();
        return new Picks(items.stream().map(RecommendationApi.Item::itemId).toList(),
                items.stream().map(item -> item.title() == null ? item.itemId() : item.title()).toList(), false);
    }
}
