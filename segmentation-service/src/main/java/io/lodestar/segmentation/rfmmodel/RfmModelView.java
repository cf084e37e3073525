package io.lodestar.segmentation.rfmmodel;

import java.time.Instant;

/** A stored RFM model: its id, its definition as given, and when it was created and last replaced. */
public record RfmModelView(String id, String name, RfmModelRequest.SchemeKind scheme, Instant asOf, String window,
        RfmModelRequest.Thresholds thresholds, RfmModelRequest.HighLow highLow, Instant createdAt, Instant updatedAt) {

    static RfmModelView of(String id, RfmModelRequest definition, Instant createdAt, Instant updatedAt) {
        return new RfmModelView(id, definition.name(), definition.scheme(), definition.asOf(), definition.window(),
                definition.thresholds(), definition.highLow(), createdAt, updatedAt);
    }
}
