package io.lodestar.segmentation.rfmmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An RFM model as operators define it (create and replace). Everything but the name and scheme has a default: the
 * glossary's thresholds, High/Low by the population mean, the whole history, scored as of each run's instant.
 */
public record RfmModelRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull SchemeKind scheme,
        @Schema(description = "Score as of this instant (e.g. 2011-12-10T00:00:00Z for historical data); absent: "
                + "each run's own instant") Instant asOf,
        @Schema(description = "ISO-8601 period of the trailing window F and M count in (e.g. P6M); absent: the "
                + "whole history", example = "P6M") @Size(max = 20) String window,
        @Valid Thresholds thresholds,
        @Valid HighLow highLow) {

    public enum SchemeKind {
        /** Four tiers per dimension by thresholds, High/Low against a cut, the 8 classic classes. */
        @JsonProperty("threshold") THRESHOLD,
        /** Quintile scores 1–5 per dimension and the 11 named segments. */
        @JsonProperty("quintile") QUINTILE
    }

    /** The tier boundaries of the threshold scheme, each list ascending (defaults: the glossary's). */
    public record Thresholds(
            @Schema(description = "Days up to which R scores 4, 3, 2 (older: 1)", example = "[30, 90, 180]")
            @Size(min = 3, max = 3) List<@NotNull Long> recencyDays,
            @Schema(description = "Paid orders from which F scores 2, 3, 4", example = "[2, 5, 10]")
            @Size(min = 3, max = 3) List<@NotNull Integer> frequencyOrders,
            @Schema(description = "Net spend from which M scores 2, 3, 4", example = "[1000, 2000, 5000]")
            @Size(min = 3, max = 3) List<@NotNull @DecimalMin("0") BigDecimal> monetarySpend) {
    }

    /** Where each dimension turns High: absent = the population's mean score, a number = from that score (1–4). */
    public record HighLow(Double recency, Double frequency, Double monetary) {
    }
}
