package io.lodestar.segmentation.segment;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotNull;

/** A condition to try before saving it as a segment. */
public record PreviewRequest(@NotNull JsonNode condition) {
}
