package io.lodestar.recommendation.serving;

import java.util.List;

import io.lodestar.recommendation.trend.TrendingItemView;
import io.lodestar.recommendation.trend.TrendingService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The items trending right now, held in memory for serving (the "trending" popularity scope): re-read every minute
 * from what trend detection reported, so a request costs no query. Empty until the first read, and kept as it was
 * when a read fails.
 */
@ApplicationScoped
public class TrendingNow {

    private static final int SIZE = 50;

    private final TrendingService trends;
    private volatile List<String> itemIds = List.of();

    public TrendingNow(TrendingService trends) {
        this.trends = trends;
    }

    @Scheduled(every = "${lodestar.serving.trending-refresh:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return trends.currentlyTrending(null, SIZE)
                .invoke(found -> itemIds = found.stream().map(TrendingItemView::itemId).toList())
                .onFailure().invoke(e -> Log.warnf("trending items not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Strongest first. */
    public List<String> itemIds() {
        return itemIds;
    }
}
