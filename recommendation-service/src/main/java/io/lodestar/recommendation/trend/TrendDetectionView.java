package io.lodestar.recommendation.trend;

import java.time.Instant;
import java.util.List;

/**
 * What one detection did ({@code POST /trending/detections}).
 *
 * @param detectedAt      when it ran: the end of the current window
 * @param currentFrom     start of the current window (exclusive); it ends at {@code detectedAt}
 * @param previousFrom    start of the previous window (exclusive); it ends at {@code currentFrom}
 * @param windowStart     start of the reporting window: items already published since then were not published again
 * @param itemsWithHeat   items with events in the current window, the candidates the rule looked at
 * @param alreadyReported candidates skipped because they were published earlier in this reporting window
 * @param published       the newly trending items, strongest first, each now on {@code lodestar.product-trends.v1}
 *                        (through the outbox)
 */
public record TrendDetectionView(Instant detectedAt, Instant currentFrom, Instant previousFrom, Instant windowStart,
        int itemsWithHeat, int alreadyReported, List<TrendingItemView> published) {

    public TrendDetectionView {
        published = List.copyOf(published);
    }
}
