package io.lodestar.recommendation.analytics;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /analytics/recommendations/ctr}: impressions, clicks and click-through rate per model and scene. */
public record CtrView(LocalDate from, LocalDate to, List<Row> rows) {

    /**
     * One model in one scene (the variant).
     *
     * @param ctr clicks ÷ impressions; null without impressions (a click whose impression was not reported)
     */
    public record Row(String model, String scene, long impressions, long clicks,
                      @Schema(description = "clicks / impressions, null without impressions") Double ctr) {

        static Row of(String model, String scene, long impressions, long clicks) {
            return new Row(model, scene, impressions, clicks,
                    impressions == 0 ? null : Math.round(10_000.0 * clicks / impressions) / 10_000.0);
        }
    }
}
