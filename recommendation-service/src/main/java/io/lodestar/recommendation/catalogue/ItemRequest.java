package io.lodestar.recommendation.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An item as the shop's catalogue sends it ({@code PUT /items/{itemId}}); {@link BatchItemRequest} adds the id for
 * {@code POST /items:batch}. Absent optional fields are stored as absent: a PUT replaces the whole item.
 */
public record ItemRequest(
        @Size(max = 300) String title,
        @Schema(description = "From the root to the leaf; the leaf is the item's category",
                examples = "[\"beauty\", \"skincare\", \"sunscreen\"]")
        @Size(max = 8) List<@NotBlank @Size(max = 100) String> categoryPath,
        @Size(max = 100) String brand,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal price,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Schema(description = "Out-of-stock items are never recommended; default true") Boolean inStock,
        Instant launchedAt,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Schema(description = "durable (not recommended again once bought) or consumable (default: recommended "
                + "again when due)") Durability durability,
        @Schema(description = "Days after which a bought consumable is due again; default from configuration")
        @Min(1) @Max(3650) Integer repurchaseDays,
        @Schema(description = "Hidden items are never recommended; default false") Boolean hidden,
        @Schema(description = "Unit cost in the item's currency, for margins; absent: margin unknown (null)")
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal cost,
        @Schema(description = "Units on hand, for stock turnover; absent: unknown. 0 makes the item out of stock "
                + "whatever inStock says") @Min(0) Integer stockQuantity) {
}
