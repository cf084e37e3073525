package io.lodestar.recommendation.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of {@code GET /analytics/products/stale}: in stock, visible, older than the period, and unsold in it. */
public record StaleProductView(String itemId, String title, String category, BigDecimal price,
                               @Schema(description = "null when the catalogue carries no stock") Integer stockQuantity,
                               @Schema(description = "launch date, or when the catalogue first sent the item")
                               Instant listedSince,
                               @Schema(description = "the last day with a paid order; null: never sold") LocalDate lastSoldOn,
                               @Schema(description = "product views in the period") long views) {
}
