package io.lodestar.segmentation.segment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule segment as operators define it. The condition arrives as JSON and is validated against the condition schema
 * by the service (every violation with its JSON path), not bound straight to the condition records.
 */
public record SegmentRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @NotNull @Schema(description = "Condition tree, e.g. {\"type\":\"all\",\"children\":[{\"type\":\"lifecycle_stage\","
                + "\"operator\":\"in\",\"stages\":[\"at_risk\"]},{\"type\":\"feature\",\"field\":\"net_spend\","
                + "\"operator\":\"gte\",\"value\":500}]}") JsonNode condition) {
}
