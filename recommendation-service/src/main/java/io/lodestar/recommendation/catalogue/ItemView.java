package io.lodestar.recommendation.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item as the API shows it. */
public record ItemView(
        String itemId,
        String title,
        List<String> categoryPath,
        String category,
        String brand,
        BigDecimal price,
        String currency,
        boolean inStock,
        Instant launchedAt,
        List<String> tags,
        Durability durability,
        Integer repurchaseDays,
        boolean hidden,
        @Schema(description = "Created from an event naming an unknown item; the catalogue has not sent it yet")
        boolean stub,
        Instant updatedAt,
        @Schema(description = "Unit cost in the item's currency; null when the catalogue did not send it")
        BigDecimal cost,
        @Schema(description = "Units on hand; null when the catalogue did not send it") Integer stockQuantity) {
}
