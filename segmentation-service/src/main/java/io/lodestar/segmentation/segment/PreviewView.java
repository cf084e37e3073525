package io.lodestar.segmentation.segment;

import java.time.Instant;
import java.util.List;

/** How many customers a condition selects now, and the first of them by id. */
public record PreviewView(Instant asOf, long members, List<String> sample) {
}
