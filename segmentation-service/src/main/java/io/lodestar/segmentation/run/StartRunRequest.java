package io.lodestar.segmentation.run;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts a full recomputation; the body is optional. */
public record StartRunRequest(
        @Schema(description = "Compute lifecycle and time-relative segments as of this instant (default: now). RFM "
                + "models with their own asOf keep it.") Instant asOf) {
}
