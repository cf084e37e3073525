package io.lodestar.segmentation.segment;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A rule segment, with its member count as of the last run (0 before its first run). */
public record SegmentView(String id, String name, String description, JsonNode condition, long members,
        Instant createdAt, Instant updatedAt) {
}
