package io.lodestar.customerprofile.event;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A batch of 1 to 1000 events. Items arrive as raw JSON and are bound one by one, so that an item with a
 * malformed field is rejected on its own and never fails its neighbours.
 */
public record RecordEventsRequest(@NotNull @Size(min = 1, max = 1000) List<JsonNode> events) {
}
