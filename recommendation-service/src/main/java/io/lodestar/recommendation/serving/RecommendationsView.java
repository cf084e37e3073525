package io.lodestar.recommendation.serving;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /recommendations/{customerId}}: the items, and what to send back with impression and click events. */
public record RecommendationsView(
        String customerId,
        String scene,
        @Schema(description = "Send it with recommendation_impression / recommendation_click events (CTR per model)")
        UUID recommendationId,
        @Schema(description = "The model version that scored; null before the first training")
        Long modelVersion,
        @Schema(description = "True when the customer has no history the models know: cold-start sources answered")
        boolean coldStart,
        @Schema(description = "True when the list came from the precomputed cache")
        boolean cached,
        List<RecommendedItem> items) {
}
