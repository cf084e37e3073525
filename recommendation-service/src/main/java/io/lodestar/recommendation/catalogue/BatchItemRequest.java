package io.lodestar.recommendation.catalogue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /items:batch}: up to 1,000 items, written all together or not at all. */
public record BatchItemRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid Entry> items) {

    /** One item of the batch: its id and the same fields as {@code PUT /items/{itemId}}. */
    public record Entry(
            @NotBlank @Size(max = 100) @Pattern(regexp = ItemIds.PATTERN, message = ItemIds.MESSAGE) String itemId,
            @NotNull @Valid ItemRequest item) {
    }
}
